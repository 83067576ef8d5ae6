import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { wooCustomer, wooHeaders, wooOrder } from './fixtures/woocommerce';

/** Issue #20: a WooCommerce site's order and customer webhooks (fixtures cite the docs). */
type Json = Record<string, any>;

const SECRET = 'woo-webhook-secret-0001';
let api: ApiHarness;
let source: Json;
let journeyId: string;

async function post(
  body: string,
  topic: string,
  deliveryId: string,
  headers: Record<string, string> = {},
) {
  const res = await api.app.request(`/webhooks/sources/woocommerce/${source.id}`, {
    method: 'POST',
    headers: { ...wooHeaders(SECRET, body, topic, deliveryId), ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

beforeAll(async () => {
  api = await startApiHarness();
  const res = await api.call<Json>('POST', '/api/sources', {
    platform: 'woocommerce',
    name: 'Tienda Mate',
    config: { siteUrl: 'https://tienda.com.ar', webhookSecret: SECRET, defaultCountry: 'AR' },
  });
  expect(res.status).toBe(201);
  source = res.body;
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Carrito Woo',
    templateId: 'store_checkout',
  });
  const draft = created.body.draft;
  delete draft.settings.quietHours;
  journeyId = created.body.id;
  await api.call('PUT', `/api/journeys/${journeyId}/draft`, {
    definition: draft,
    layout: created.body.layout,
  });
  await api.call('POST', `/api/journeys/${journeyId}/publish`);
  const activated = await api.call('POST', `/api/journeys/${journeyId}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
  });
  expect(activated.status).toBe(200);
}, 60_000);

afterAll(() => api?.stop());

describe('the WooCommerce source', () => {
  test("answers the webhook's creation ping with 200 and keeps nothing", async () => {
    const res = await api.app.request(`/webhooks/sources/woocommerce/${source.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'webhook_id=7',
    });
    expect(res.status).toBe(200);
    const [row] =
      await api.sql`select count(*)::int as n from source_deliveries where source_id = ${source.id}`;
    expect(row?.n).toBe(0);
  });

  test('refuses a tampered or unsigned order with 401', async () => {
    const body = wooOrder({ id: 900, status: 'pending' });
    const tampered = await post(body.replace('45999.00', '1.00'), 'order.created', 'd-x', {
      'x-wc-webhook-signature': wooHeaders(SECRET, body, 'order.created', 'd-x')[
        'x-wc-webhook-signature'
      ],
    });
    expect(tampered.status).toBe(401);
    const unsigned = await api.app.request(`/webhooks/sources/woocommerce/${source.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.created' },
      body,
    });
    expect(unsigned.status).toBe(401);
    const [row] =
      await api.sql`select count(*)::int as n from source_deliveries where source_id = ${source.id}`;
    expect(row?.n).toBe(0);
  });

  test('a pending order is a checkout; paid, it is the order that ends the run as converted', async () => {
    const created = await post(wooOrder({ id: 1501, status: 'pending' }), 'order.created', 'd-1');
    expect(created.body.status).toBe('processed');
    // WooCommerce may deliver the same order twice under different delivery ids: harmless.
    await post(wooOrder({ id: 1501, status: 'pending' }), 'order.created', 'd-1-again');
    const [contact] = await api.sql<Json[]>`
      select id, phone, email, first_name from contacts where workspace_id = ${api.workspaceId} and email = 'valentina@example.com'`;
    expect(contact?.phone).toBe('+5491123456789');
    const run = await api.eventually(async () => {
      const [r] = await api.sql<
        Json[]
      >`select id from runs where journey_id = ${journeyId} and entry_key = '1501'`;
      return r;
    });
    const runs = await api.sql`select 1 from runs where journey_id = ${journeyId}`;
    expect(runs).toHaveLength(1);

    const paid = await post(wooOrder({ id: 1501, status: 'processing' }), 'order.updated', 'd-2');
    expect(paid.body.status).toBe('processed');
    const again = await post(wooOrder({ id: 1501, status: 'processing' }), 'order.updated', 'd-3');
    const deliveries = await api.call<Json>('GET', `/api/sources/${source.id}/deliveries`);
    const third = deliveries.body.items.find((d: Json) => d.id === again.body.received);
    expect(third.outcome.events[0]).toMatchObject({ name: 'order_placed', status: 'duplicate' });
    const ended = await api.eventually(async () => {
      const [r] = await api.sql<Json[]>`select status, outcome from runs where id = ${run.id}`;
      return r?.status === 'completed' ? r : undefined;
    });
    expect(ended.outcome).toBe('converted');
  });

  test('a cancelled order is ignored and says why; customer.created maps the contact', async () => {
    const cancelled = await post(
      wooOrder({ id: 1502, status: 'cancelled' }),
      'order.updated',
      'd-4',
    );
    expect(cancelled.body.status).toBe('ignored');
    const customer = await post(wooCustomer(42), 'customer.created', 'd-5');
    expect(customer.body.status).toBe('processed');
    const [contact] = await api.sql<Json[]>`
      select phone, first_name from contacts where external_id = 'woocommerce:42'`;
    expect(contact).toEqual({ phone: '+5491155551234', first_name: 'Mateo' });
  });

  test('"send a test event" maps a sample through the same path, for a test contact only', async () => {
    const res = await api.call<Json>('POST', `/api/sources/${source.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ test: true, status: 'processed', topic: 'order.created' });
    expect(res.body.outcome.events[0]).toMatchObject({ name: 'source_test', status: 'accepted' });
    const [event] = await api.sql<Json[]>`
      select e.properties, c.external_id from events e join contacts c on c.id = e.contact_id
      where e.client_event_id = ${res.body.outcome.events[0].id}`;
    expect(event?.properties.mapped_event).toBe('checkout_started');
    expect(event?.external_id).toBe(`ruta-test:${source.id}`);
  });
});
