import { abandonedCart } from './abandoned-cart';
import { connect, exitWith, type JourneyTemplate } from './build';

/**
 * The abandoned cart for a connected store (Shopify, Tiendanube, WooCommerce, a Segment source):
 * stores send `checkout_started`, never "abandoned" (DESIGN §11), so the journey decides: its
 * first step waits up to 60 minutes for this checkout's `order_placed` (same `cart_id`), and only
 * a checkout with no order by then gets the abandoned-cart messages.
 */
const base = abandonedCart.definition;

export const storeCheckout: JourneyTemplate = {
  id: 'store_checkout',
  name: {
    es: 'Carrito abandonado de la tienda',
    pt: 'Carrinho abandonado da loja',
    en: 'Store abandoned cart',
  },
  description: {
    es: 'Para tiendas conectadas (Shopify, Tiendanube, WooCommerce o Segment): cuando alguien inicia el pago, espera hasta 60 minutos su pedido; si no llega, WhatsApp con botones, recordatorio por SMS y un agente para quien pregunta.',
    pt: 'Para lojas conectadas (Shopify, Nuvemshop, WooCommerce ou Segment): quando alguém inicia o checkout, espera até 60 minutos pelo pedido; se ele não chegar, WhatsApp com botões, lembrete por SMS e um atendente para quem tiver dúvidas.',
    en: 'For connected stores (Shopify, Tiendanube, WooCommerce or Segment): when someone starts checkout, wait up to 60 minutes for the order; if none comes, WhatsApp with buttons, an SMS reminder and an agent for whoever asks.',
  },
  definition: {
    ...base,
    trigger: { kind: 'event', event: 'checkout_started', filters: [], entryKey: 'cart_id' },
    nodes: {
      wait_checkout_order: {
        type: 'wait_for',
        name: '¿Pagó el carrito?',
        signals: [
          {
            port: 'ordered',
            kind: 'event',
            event: 'order_placed',
            filters: [],
            scope: 'entry_key',
          },
        ],
        timeout: { amount: 60, unit: 'minutes' },
      },
      exit_ordered_first: exitWith('converted', 'Compró sin recordatorio'),
      ...base.nodes,
    },
    edges: connect(
      ['trigger', 'next', 'wait_checkout_order'],
      ['wait_checkout_order', 'ordered', 'exit_ordered_first'],
      ['wait_checkout_order', 'timeout', 'send_cart'],
    ).concat(base.edges.filter((edge) => edge.source !== 'trigger')),
  },
  // The editor's auto-layout («Ordenar»), so the template opens laid out with its connections
  // drawn around the cards (editor/src/canvas/elk-layout.test.ts keeps the two equal).
  layout: {
    trigger: { x: 94, y: 12 },
    wait_checkout_order: { x: 94, y: 218 },
    exit_ordered_first: { x: 56, y: 424 },
    send_cart: { x: 296, y: 424 },
    wait_cart: { x: 118, y: 630 },
    send_buy_link: { x: 50, y: 850 },
    branch_intent: { x: 590, y: 850 },
    update_opt_out: { x: 532, y: 1056 },
    handoff_help: { x: 252, y: 1056 },
    send_reminder: { x: 1012, y: 850 },
    wait_order: { x: 954, y: 1056 },
    exit_not_delivered: { x: 638, y: 630 },
    exit_clicked_buy: { x: 12, y: 1056 },
    exit_opted_out: { x: 552, y: 1262 },
    exit_handed_off: { x: 272, y: 1262 },
    exit_converted: { x: 792, y: 1262 },
    exit_no_response: { x: 1032, y: 1262 },
  },
  pt: {
    ...abandonedCart.pt,
    wait_checkout_order: { name: 'Pagou o carrinho?' },
    exit_ordered_first: { name: 'Comprou sem lembrete' },
  },
};
