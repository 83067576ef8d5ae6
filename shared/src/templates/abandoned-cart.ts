import { connect, exitWith, type JourneyTemplate } from './build';

const cartText =
  'Hola {{ contact.first_name }}, dejaste {{ event.item_count }} productos en tu carrito ({{ event.cart_total }}). ¿Te ayudamos a terminar tu compra? {{ event.cart_url }}';

/** One run per abandoned cart: WhatsApp with buttons, then an SMS reminder; a purchase ends it. */
export const abandonedCart: JourneyTemplate = {
  id: 'abandoned_cart',
  name: { es: 'Carrito abandonado', pt: 'Carrinho abandonado', en: 'Abandoned cart' },
  description: {
    es: 'Cuando alguien deja un carrito: WhatsApp con botones «Comprar» y «Tengo dudas», un recordatorio por SMS al día siguiente y un agente para quien pregunta. Termina cuando compra ese carrito.',
    pt: 'Quando alguém abandona um carrinho: WhatsApp com os botões «Comprar» e «Tenho dúvidas», um lembrete por SMS no dia seguinte e um atendente para quem pergunta. Termina quando a pessoa compra esse carrinho.',
    en: 'When someone leaves a cart: WhatsApp with "Buy" and "I have questions" buttons, an SMS reminder the next day and an agent for whoever asks. Ends when that cart is bought.',
  },
  definition: {
    schemaVersion: 1,
    trigger: { kind: 'event', event: 'cart_abandoned', filters: [], entryKey: 'cart_id' },
    nodes: {
      send_cart: {
        type: 'send',
        name: 'Recordar el carrito',
        channel: 'whatsapp',
        fallbackChannels: ['sms'],
        content: {
          whatsapp: {
            template: {
              name: 'carrito_abandonado',
              language: 'es_MX',
              params: ['{{ contact.first_name }}', '{{ event.cart_total }}'],
            },
            text: cartText,
            buttons: [
              { id: 'buy', text: 'Comprar' },
              { id: 'help', text: 'Tengo dudas' },
            ],
          },
          sms: {
            text: 'Hola {{ contact.first_name }}, tu carrito de {{ event.cart_total }} te espera: {{ event.cart_url }}',
          },
        },
      },
      wait_cart: {
        type: 'wait_for',
        name: '¿Qué hizo?',
        messageNodeId: 'send_cart',
        signals: [
          { port: 'tapped_buy', kind: 'reply', match: { buttonId: 'buy' } },
          { port: 'tapped_help', kind: 'reply', match: { buttonId: 'help' } },
          { port: 'replied', kind: 'reply' },
          {
            port: 'ordered',
            kind: 'event',
            event: 'order_placed',
            filters: [],
            scope: 'entry_key',
          },
        ],
        timeout: { amount: 24, unit: 'hours' },
      },
      send_buy_link: {
        type: 'send',
        name: 'Enviar el enlace de compra',
        channel: 'whatsapp',
        fallbackChannels: [],
        exitPorts: ['failed'],
        content: {
          whatsapp: {
            text: '¡Perfecto, {{ contact.first_name }}! Termina tu compra aquí: {{ event.cart_url }}',
            buttons: [],
          },
        },
      },
      branch_intent: {
        type: 'branch',
        name: '¿Pidió la baja?',
        cases: [
          {
            port: 'opt_out',
            label: 'Pidió la baja',
            conditions: [
              { source: 'engagement', field: 'last_reply_intent', op: 'eq', value: 'opt_out' },
            ],
          },
        ],
      },
      update_opt_out: {
        type: 'update_contact',
        name: 'Dar de baja de WhatsApp',
        set: {},
        unset: [],
        addTags: [],
        removeTags: [],
        consent: [{ channel: 'whatsapp', granted: false }],
      },
      handoff_help: {
        type: 'handoff',
        name: 'Pasar a ventas',
        queue: 'ventas',
        note: 'Tiene dudas sobre su carrito de {{ event.cart_total }}: {{ event.cart_url }}',
      },
      send_reminder: {
        type: 'send',
        name: 'Recordatorio por SMS',
        channel: 'sms',
        fallbackChannels: [],
        exitPorts: ['failed'],
        content: {
          sms: {
            text: '{{ contact.first_name }}, tu carrito ({{ event.cart_total }}) sigue guardado: {{ event.cart_url }} Responde BAJA para no recibir más mensajes.',
          },
        },
      },
      wait_order: {
        type: 'wait_for',
        name: '¿Compró?',
        signals: [
          {
            port: 'ordered',
            kind: 'event',
            event: 'order_placed',
            filters: [],
            scope: 'entry_key',
          },
        ],
        timeout: { amount: 24, unit: 'hours' },
      },
      exit_not_delivered: exitWith('not_delivered', 'No se pudo entregar'),
      exit_clicked_buy: exitWith('clicked_buy', 'Tocó «Comprar»'),
      exit_opted_out: exitWith('opted_out', 'Se dio de baja'),
      exit_handed_off: exitWith('handed_off', 'Atendido por ventas'),
      exit_converted: exitWith('converted', 'Compró'),
      exit_no_response: exitWith('no_response', 'Sin respuesta'),
    },
    edges: connect(
      ['trigger', 'next', 'send_cart'],
      ['send_cart', 'sent', 'wait_cart'],
      ['send_cart', 'failed', 'exit_not_delivered'],
      ['wait_cart', 'tapped_buy', 'send_buy_link'],
      ['wait_cart', 'tapped_help', 'handoff_help'],
      ['wait_cart', 'replied', 'branch_intent'],
      ['wait_cart', 'ordered', 'exit_converted'],
      ['wait_cart', 'timeout', 'send_reminder'],
      ['send_buy_link', 'sent', 'exit_clicked_buy'],
      ['branch_intent', 'opt_out', 'update_opt_out'],
      ['branch_intent', 'else', 'handoff_help'],
      ['update_opt_out', 'next', 'exit_opted_out'],
      ['handoff_help', 'next', 'exit_handed_off'],
      ['send_reminder', 'sent', 'wait_order'],
      ['wait_order', 'ordered', 'exit_converted'],
      ['wait_order', 'timeout', 'exit_no_response'],
    ),
    settings: {
      reentry: { mode: 'always' },
      quietHours: { start: '21:00', end: '08:00' },
      goal: {
        event: 'order_placed',
        filters: [],
        window: { amount: 3, unit: 'days' },
        exitOnGoal: true,
      },
    },
  },
  pt: {
    send_cart: {
      name: 'Lembrar do carrinho',
      content: {
        whatsapp: {
          template: { name: 'carrinho_abandonado', language: 'pt_BR' },
          text: 'Oi, {{ contact.first_name }}! Você deixou {{ event.item_count }} produtos no seu carrinho ({{ event.cart_total }}). Quer ajuda para finalizar a compra? {{ event.cart_url }}',
          buttons: [{ text: 'Comprar' }, { text: 'Tenho dúvidas' }],
        },
        sms: {
          text: 'Oi, {{ contact.first_name }}! Seu carrinho de {{ event.cart_total }} está te esperando: {{ event.cart_url }}',
        },
      },
    },
    wait_cart: { name: 'O que a pessoa fez?' },
    send_buy_link: {
      name: 'Enviar o link de compra',
      content: {
        whatsapp: {
          text: 'Perfeito, {{ contact.first_name }}! Finalize sua compra aqui: {{ event.cart_url }}',
        },
      },
    },
    branch_intent: { name: 'Pediu descadastro?', cases: [{ label: 'Pediu descadastro' }] },
    update_opt_out: { name: 'Descadastrar do WhatsApp' },
    handoff_help: {
      name: 'Passar para vendas',
      queue: 'vendas',
      note: 'Tem dúvidas sobre o carrinho de {{ event.cart_total }}: {{ event.cart_url }}',
    },
    send_reminder: {
      name: 'Lembrete por SMS',
      content: {
        sms: {
          text: '{{ contact.first_name }}, seu carrinho ({{ event.cart_total }}) continua salvo: {{ event.cart_url }} Responda SAIR para não receber mais mensagens.',
        },
      },
    },
    wait_order: { name: 'Comprou?' },
    exit_not_delivered: { name: 'Não foi entregue' },
    exit_clicked_buy: { name: 'Tocou em «Comprar»' },
    exit_opted_out: { name: 'Se descadastrou' },
    exit_handed_off: { name: 'Atendido por vendas' },
    exit_converted: { name: 'Comprou' },
    exit_no_response: { name: 'Sem resposta' },
  },
  // The editor's auto-layout («Ordenar»), so the template opens laid out with its connections
  // drawn around the cards (editor/src/canvas/elk-layout.test.ts keeps the two equal).
  layout: {
    trigger: { x: 296, y: 12 },
    send_cart: { x: 296, y: 218 },
    wait_cart: { x: 118, y: 424 },
    send_buy_link: { x: 50, y: 644 },
    branch_intent: { x: 330, y: 644 },
    update_opt_out: { x: 272, y: 850 },
    handoff_help: { x: 552, y: 850 },
    send_reminder: { x: 1032, y: 644 },
    wait_order: { x: 974, y: 850 },
    exit_not_delivered: { x: 638, y: 424 },
    exit_clicked_buy: { x: 12, y: 850 },
    exit_opted_out: { x: 292, y: 1056 },
    exit_handed_off: { x: 572, y: 1056 },
    exit_converted: { x: 812, y: 1056 },
    exit_no_response: { x: 1052, y: 1056 },
  },
};
