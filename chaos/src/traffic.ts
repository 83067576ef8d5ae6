import type { ApiClient } from './client';

type Json = Record<string, any>;

/** What the customer of a cart does once the WhatsApp message reached them. */
export type CartAction = 'tap' | 'tap_twice' | 'order';

export interface Cart {
  index: number;
  id: string;
  externalId: string;
  phone: string;
  action: CartAction;
  contactId?: string;
  runId?: string;
  /** When the cart's message was first seen in the sandbox (ms). */
  seenAt?: number;
  actedAt?: number;
}

/** The outcome each cart's run must end with. */
export const EXPECTED: Record<CartAction, string> = {
  tap: 'clicked_buy',
  tap_twice: 'clicked_buy',
  order: 'converted',
};

/** Every fifth customer buys instead of tapping; every seventh taps twice at once. */
export function planCarts(count: number, runTag: string): Cart[] {
  return Array.from({ length: count }, (_, i) => ({
    index: i,
    id: `${runTag}-${i}`,
    externalId: `chaos-${runTag}-${i}`,
    phone: `+5215${String(10_000_000 + i).padStart(9, '0')}`,
    action: i % 5 === 4 ? 'order' : i % 7 === 6 ? 'tap_twice' : 'tap',
  }));
}

/** The abandoned-cart template, its wait long enough to outlast every fault, active at 100 %. */
export async function activeCartJourney(client: ApiClient): Promise<string> {
  const created = await client.call<Json>('POST', '/journeys', {
    name: 'Carrito — caos',
    templateId: 'abandoned_cart',
  });
  const draft = created.draft;
  for (const node of Object.values<Json>(draft.nodes)) {
    if (node.type === 'wait_for') node.timeout = { amount: 1, unit: 'hours' };
  }
  delete draft.settings.quietHours;
  await client.call('PUT', `/journeys/${created.id}/draft`, {
    definition: draft,
    layout: created.layout,
  });
  await client.call('POST', `/journeys/${created.id}/publish`);
  await client.call('POST', `/journeys/${created.id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
  });
  return created.id;
}

async function runOf(client: ApiClient, journeyId: string, contactId: string) {
  const runs = await client.call<Json[]>(
    'GET',
    `/runs?journeyId=${journeyId}&contactId=${contactId}&limit=5`,
  );
  return runs[0]?.id as string | undefined;
}

/** Posts one cart_abandoned per cart at `rate` per second; a retry keeps the event id. */
export async function abandonCarts(
  client: ApiClient,
  journeyId: string,
  carts: Cart[],
  rate: number,
): Promise<void> {
  const inFlight: Promise<void>[] = [];
  const started = Date.now();
  for (const cart of carts) {
    const due = started + (cart.index * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      (async () => {
        const answer = await client.call<Json>('POST', '/events', {
          id: `cart-${cart.id}`,
          name: 'cart_abandoned',
          contact: {
            externalId: cart.externalId,
            phone: cart.phone,
            firstName: 'Cliente',
            consent: { whatsapp: true, sms: true },
          },
          properties: {
            cart_id: cart.id,
            cart_total: '$499.00',
            item_count: 2,
            cart_url: `https://tienda.mx/c/${cart.id}`,
          },
        });
        const result = answer.results[0];
        cart.contactId = result.contactId;
        cart.runId =
          result.enrollments?.find((e: Json) => e.journeyId === journeyId)?.runId ??
          (await runOf(client, journeyId, result.contactId));
      })(),
    );
  }
  await Promise.all(inFlight);
}

/**
 * The customers: each looks at their phone (the sandbox conversation) and, two seconds after the
 * cart's message arrived, taps «Comprar» under it (twice at once, for some), or buys the cart.
 * Runs until every cart was acted on or `stop()` says so.
 */
export async function customers(
  client: ApiClient,
  journeyId: string,
  carts: Cart[],
  stop: () => boolean,
): Promise<void> {
  const act = async (cart: Cart, message: Json) => {
    cart.actedAt = Date.now();
    if (cart.action === 'order') {
      await client.call('POST', '/events', {
        id: `order-${cart.id}`,
        name: 'order_placed',
        contact: { externalId: cart.externalId },
        properties: { cart_id: cart.id },
      });
      return;
    }
    const tap = () =>
      client.call('POST', '/sandbox/inbound', {
        contactId: cart.contactId,
        channel: message.channel,
        buttonId: 'buy',
        text: 'Comprar',
        replyTo: message.id,
      });
    await (cart.action === 'tap_twice' ? Promise.all([tap(), tap()]) : tap());
  };
  const pending = new Set<Promise<void>>();
  while (!stop()) {
    const waiting = carts.filter((c) => c.contactId && !c.actedAt);
    if (waiting.length === 0 && carts.every((c) => c.actedAt)) break;
    for (let i = 0; i < waiting.length; i += 16) {
      await Promise.all(
        waiting.slice(i, i + 16).map(async (cart) => {
          if (!cart.runId && cart.contactId)
            cart.runId = await runOf(client, journeyId, cart.contactId);
          if (!cart.runId) return;
          const phone = await client.call<Json>('GET', `/sandbox/conversations/${cart.contactId}`);
          const message = (phone.items as Json[]).find(
            (item) =>
              item.direction === 'outbound' &&
              item.node_id === 'send_cart' &&
              item.run_id === cart.runId,
          );
          if (!message) return;
          cart.seenAt ??= Date.now();
          if (Date.now() - cart.seenAt < 2_000) return;
          const acting = act(cart, message);
          pending.add(acting);
          void acting.finally(() => pending.delete(acting));
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await Promise.all(pending);
}
