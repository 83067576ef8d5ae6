import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import {
  checkoutCreate,
  customerCreate,
  LUCIA,
  orderCreate,
  shopifyHeaders,
} from './fixtures/shopify';

/**
 * Issue #20: a Shopify store connected as a source feeds the store cart journey with no code —
 * documented payloads (fixtures/shopify.ts cites the pages), signed as Shopify signs them.
 */
type Json = Record<string, any>;

const SECRET = 'shpss_test_client_secret_0001';
let api: ApiHarness;
let source: Json;
let journeyId: string;

async function post(
  body: string,
  topic: string,
  webhookId: string,
  headers: Record<string, string> = {},
) {
  const res = await api.app.request(`/webhooks/sources/shopify/${source.id}`, {
    method: 'POST',
    headers: { ...shopifyHeaders(SECRET, body, topic, webhookId), ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const deliveryCount = async () =>
  Number(
    (await api.sql`select count(*) from source_deliveries where source_id = ${source.id}`)[0]
      ?.count,
  );

/** The store cart template, its first wait short so a test sees the WhatsApp go out. */
async function activeStoreCartJourney(firstWaitSeconds: number) {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Carrito Shopify',
    templateId: 'store_checkout',
  });
  expect(created.status).toBe(201);
  const draft = created.body.draft;
  draft.nodes.wait_checkout_order.timeout = { amount: firstWaitSeconds, unit: 'seconds' };
  delete draft.settings.quietHours;
  const id = created.body.id as string;
  for (const [method, path, body] of [
    ['PUT', `/api/journeys/${id}/draft`, { definition: draft, layout: created.body.layout }],
    ['POST', `/api/journeys/${id}/publish`, undefined],
    [
      'POST',
      `/api/journeys/${id}/activate`,
      { pilot: { enrollmentPercent: 100, holdoutPercent: 0 } },
    ],
  ] as const) {
    const res = await api.call<Json>(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  }
  return id;
}

beforeAll(async () => {
  api = await startApiHarness();
  const res = await api.call<Json>('POST', '/api/sources', {
    platform: 'shopify',
    name: 'Tienda Sol',
    config: { shopDomain: 'tienda-sol.myshopify.com', clientSecret: SECRET, defaultCountry: 'MX' },
  });
  expect(res.status).toBe(201);
  source = res.body;
  journeyId = await activeStoreCartJourney(2);
}, 60_000);

afterAll(() => api?.stop());

describe('the Shopify source', () => {
  test('is created with its webhook URL and its secret never shown', async () => {
    expect(source.webhookUrl).toBe(`${api.publicUrl}/webhooks/sources/shopify/${source.id}`);
    expect(source.secretsSet).toEqual(['clientSecret']);
    expect(JSON.stringify(source)).not.toContain(SECRET);
    const listed = await api.call<Json>('GET', '/api/sources');
    expect(listed.body.items.map((s: Json) => s.id)).toContain(source.id);
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    const [row] = await api.sql<
      { secrets: string }[]
    >`select secrets from sources where id = ${source.id}`;
    expect(row?.secrets).not.toContain(SECRET);
  });

  test('refuses unsigned and tampered deliveries with 401 and keeps nothing', async () => {
    const body = checkoutCreate({ token: 'tampered-1' });
    const before = await deliveryCount();
    const unsigned = await api.app.request(`/webhooks/sources/shopify/${source.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-topic': 'checkouts/create' },
      body,
    });
    expect(unsigned.status).toBe(401);
    const headers = shopifyHeaders(SECRET, body, 'checkouts/create', 'wh-tampered-1');
    const tampered = await api.app.request(`/webhooks/sources/shopify/${source.id}`, {
      method: 'POST',
      headers,
      body: body.replace('899.00', '1.00'),
    });
    expect(tampered.status).toBe(401);
    expect((await tampered.json()).code).toBe('bad_source_signature');
    // Signed over re-serialised JSON (escapes `\/` and `\u0026` lost): refused as well.
    const reserialised = JSON.stringify(JSON.parse(body));
    const resigned = await api.app.request(`/webhooks/sources/shopify/${source.id}`, {
      method: 'POST',
      headers,
      body: reserialised,
    });
    expect(resigned.status).toBe(401);
    expect(await deliveryCount()).toBe(before);
    const events =
      await api.sql`select 1 from events where client_event_id = 'shopify:checkout:tampered-1'`;
    expect(events).toHaveLength(0);
  });

  test('a checkout sends the cart WhatsApp after the wait; its order ends the run as converted', async () => {
    const token = 'c1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6';
    const body = checkoutCreate({ token });
    const first = await post(body, 'checkouts/create', 'wh-checkout-1');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('processed');

    const [contact] = await api.sql<Json[]>`
      select * from contacts where workspace_id = ${api.workspaceId} and external_id = ${`shopify:${LUCIA.customerId}`}`;
    expect(contact?.phone).toBe('+525512345678');
    expect(contact?.email).toBe('lucia@example.com');
    expect(contact?.first_name).toBe('Lucía');
    expect(contact?.consent.whatsapp.granted).toBe(true);
    expect(contact?.consent.email.granted).toBe(true);

    const [event] = await api.sql<Json[]>`
      select properties from events where workspace_id = ${api.workspaceId} and client_event_id = ${`shopify:checkout:${token}`}`;
    expect(event?.properties).toMatchObject({
      cart_id: token,
      checkout_token: token,
      checkout_id: '981820079255243537',
      cart_total: 'MXN 899.00',
      item_count: 2,
      cart_url: `https://tienda-sol.myshopify.com/checkouts/ac/${token}/recover?key=abc&locale=es-MX`,
    });
    expect(event?.properties.items[0].productId).toBe('788032119674292922');

    // The same delivery again (Shopify retries with the same X-Shopify-Webhook-Id): kept once.
    const again = await post(body, 'checkouts/create', 'wh-checkout-1');
    expect(again.body.duplicate).toBe(true);
    // An update of the same checkout (another webhook id) starts no second run.
    await post(body, 'checkouts/update', 'wh-checkout-1-update');

    const run = await api.eventually(async () => {
      const [r] = await api.sql<Json[]>`
        select r.id, r.status from runs r where r.journey_id = ${journeyId} and r.entry_key = ${token}`;
      return r;
    });
    const sent = await api.eventually(async () => {
      const [m] = await api.sql<Json[]>`
        select channel, content from messages where run_id = ${run.id} and node_id = 'send_cart'`;
      return m;
    });
    expect(sent.channel).toBe('whatsapp');
    expect(JSON.stringify(sent.content)).toContain('MXN 899.00');
    const runs =
      await api.sql`select 1 from runs where journey_id = ${journeyId} and contact_id = ${contact?.id}`;
    expect(runs).toHaveLength(1);

    const order = orderCreate({ id: '820982911946154508', checkoutToken: token });
    expect((await post(order, 'orders/create', 'wh-order-1')).status).toBe(200);
    // orders/paid after orders/create: the same order, harmless.
    const paid = await post(order, 'orders/paid', 'wh-order-1-paid');
    const deliveries = await api.call<Json>('GET', `/api/sources/${source.id}/deliveries?limit=10`);
    const paidDelivery = deliveries.body.items.find((d: Json) => d.id === paid.body.received);
    expect(paidDelivery.outcome.events[0]).toMatchObject({
      name: 'order_placed',
      id: 'shopify:order:820982911946154508',
      status: 'duplicate',
    });
    const ended = await api.eventually(async () => {
      const [r] = await api.sql<Json[]>`select status, outcome from runs where id = ${run.id}`;
      return r?.status === 'completed' ? r : undefined;
    });
    expect(ended.outcome).toBe('converted');
  }, 60_000);

  test('an order that arrives before its checkout: the late checkout starts nothing', async () => {
    const token = 'late-checkout-0001';
    await post(
      orderCreate({ id: '820982911946154599', checkoutToken: token }),
      'orders/create',
      'wh-order-early',
    );
    const late = await post(checkoutCreate({ token }), 'checkouts/create', 'wh-checkout-late');
    expect(late.status).toBe(200);
    const runs =
      await api.sql`select 1 from runs where journey_id = ${journeyId} and entry_key = ${token}`;
    expect(runs).toHaveLength(0);
  });

  test('customers/create maps the contact and its consent; a malformed body is refused', async () => {
    const buyer = {
      ...LUCIA,
      customerId: '706405506930370084',
      email: 'bob@example.com',
      phone: '+523312345678',
      firstName: 'Bob',
      smsConsent: 'unsubscribed' as const,
    };
    const res = await post(customerCreate(buyer), 'customers/create', 'wh-customer-1');
    expect(res.body.status).toBe('processed');
    const [contact] = await api.sql<Json[]>`
      select phone, consent from contacts where external_id = 'shopify:706405506930370084'`;
    expect(contact?.phone).toBe('+523312345678');
    expect(contact?.consent.sms.granted).toBe(false);
    const bad = await post('{"token": ', 'checkouts/create', 'wh-bad-1');
    expect(bad.status).toBe(400);
  });

  test('a delivery is listed raw and can be replayed', async () => {
    const list = await api.call<Json>('GET', `/api/sources/${source.id}/deliveries?limit=50`);
    const delivery = list.body.items.find(
      (d: Json) => d.topic === 'checkouts/create' && d.status === 'processed',
    );
    expect(delivery.body).toContain('"id": 981820079255243537');
    const replay = await api.call<Json>(
      'POST',
      `/api/sources/${source.id}/deliveries/${delivery.id}/replay`,
    );
    expect(replay.status).toBe(200);
    expect(replay.body.ok, JSON.stringify(replay.body)).toBe(true);
    expect(replay.body.outcome.events[0].status).toBe('duplicate');
  });

  test("erasing a contact empties the deliveries that name it; they can't be replayed", async () => {
    const [contact] = await api.sql<Json[]>`
      select id from contacts where external_id = ${`shopify:${LUCIA.customerId}`}`;
    const exported = await api.call<Json>('GET', `/api/contacts/${contact?.id}/export`);
    expect(exported.body.sourceDeliveries.map((d: Json) => d.topic)).toContain('checkouts/create');
    const erased = await api.call<Json>('DELETE', `/api/contacts/${contact?.id}`);
    expect(erased.status).toBeLessThan(300);
    const left = await api.sql<Json[]>`
      select id, body, erased_at from source_deliveries
      where source_id = ${source.id} and topic = 'checkouts/create' and delivery_id = 'wh-checkout-1'`;
    expect(left[0]?.body).toBe('');
    expect(left[0]?.erased_at).not.toBeNull();
    const replay = await api.call<Json>(
      'POST',
      `/api/sources/${source.id}/deliveries/${left[0]?.id}/replay`,
    );
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('delivery_erased');
  });

  test('an unknown source is 404', async () => {
    const res = await api.app.request(
      '/webhooks/sources/shopify/00000000-0000-4000-8000-000000000000',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
    );
    expect(res.status).toBe(404);
  });
});
