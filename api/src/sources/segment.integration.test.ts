import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

/**
 * Issue #20: the Segment-compatible HTTP API. Bodies as the HTTP Tracking API documents them
 * (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/), e-commerce
 * events as the spec names them (https://segment.com/docs/connections/spec/ecommerce/v2/).
 */
type Json = Record<string, any>;

let api: ApiHarness;
let source: Json;
let journeyId: string;

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

async function call(path: string, body: unknown, key: string | null = source.writeKey) {
  const res = await api.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: basic(key) } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

beforeAll(async () => {
  api = await startApiHarness();
  const res = await api.call<Json>('POST', '/api/sources', {
    platform: 'segment',
    name: 'RudderStack',
    config: { defaultCountry: 'CO' },
  });
  expect(res.status).toBe(201);
  source = res.body;
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Carrito CDP',
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
  await api.call('POST', `/api/journeys/${journeyId}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
  });
}, 60_000);

afterAll(() => api?.stop());

describe('the Segment-compatible API', () => {
  test('shows the write key once', async () => {
    expect(source.writeKey).toMatch(/^ruta_wk_/);
    expect(source.apiBaseUrl).toBe(`${api.publicUrl}/v1`);
    const again = await api.call<Json>('GET', `/api/sources/${source.id}`);
    expect(again.body.writeKey).toBeUndefined();
    expect(source.writeKey.startsWith(again.body.writeKeyPrefix)).toBe(true);
  });

  test('refuses a missing or unknown write key with 401', async () => {
    const track = { type: 'track', userId: 'u-1', event: 'Signed Up', messageId: 'm-0' };
    expect((await call('/v1/track', track, null)).status).toBe(401);
    expect((await call('/v1/track', track, 'ruta_wk_nope')).status).toBe(401);
  });

  test('Checkout Started and Order Completed join by order_id; a repeated messageId is kept once', async () => {
    const started = {
      userId: 'cliente-77',
      event: 'Checkout Started',
      messageId: 'msg-checkout-1',
      timestamp: '2026-11-28T15:05:00.000Z',
      context: {
        traits: { email: 'camila@example.com', phone: '300 123 4567', firstName: 'Camila' },
      },
      properties: {
        order_id: '50314b8e9bcf000000000000',
        value: 30,
        revenue: 25.0,
        currency: 'COP',
        products: [
          {
            product_id: '507f1f77bcf86cd799439011',
            sku: '45790-32',
            name: 'Café',
            price: 19,
            quantity: 1,
          },
        ],
      },
    };
    const res = await call('/v1/track', started);
    expect(res).toEqual({ status: 200, body: { success: true } });
    expect((await call('/v1/track', started)).body).toEqual({ success: true });
    const events = await api.sql<Json[]>`
      select name, properties from events where client_event_id = 'msg-checkout-1'`;
    expect(events).toHaveLength(1);
    expect(events[0]?.name).toBe('checkout_started');
    expect(events[0]?.properties).toMatchObject({
      cart_id: '50314b8e9bcf000000000000',
      item_count: 1,
      currency: 'COP',
    });
    const [contact] = await api.sql<
      Json[]
    >`select phone, first_name from contacts where external_id = 'cliente-77'`;
    expect(contact).toEqual({ phone: '+573001234567', first_name: 'Camila' });
    const run = await api.eventually(async () => {
      const [r] = await api.sql<
        Json[]
      >`select id from runs where journey_id = ${journeyId} and entry_key = '50314b8e9bcf000000000000'`;
      return r;
    });

    const batch = await call('/v1/batch', {
      batch: [
        {
          type: 'track',
          userId: 'cliente-77',
          event: 'Order Completed',
          messageId: 'msg-order-1',
          properties: {
            order_id: '50314b8e9bcf000000000000',
            total: 27.5,
            revenue: 25.0,
            currency: 'COP',
          },
        },
        { type: 'page', userId: 'cliente-77', name: 'Gracias', messageId: 'msg-page-1' },
      ],
    });
    expect(batch.status).toBe(200);
    const ended = await api.eventually(async () => {
      const [r] = await api.sql<Json[]>`select status, outcome from runs where id = ${run.id}`;
      return r?.status === 'completed' ? r : undefined;
    });
    expect(ended.outcome).toBe('converted');
  });

  test('an anonymous visitor is merged into the contact an identify names', async () => {
    await call('/v1/track', {
      anonymousId: 'anon-5ab2',
      event: 'Product Viewed',
      messageId: 'msg-view-1',
      properties: { product_id: 'p-1' },
    });
    const [anonymous] = await api.sql<Json[]>`
      select c.id from contacts c join events e on e.contact_id = c.id where e.client_event_id = 'msg-view-1'`;
    const identify = await call('/v1/identify', {
      userId: 'cliente-88',
      anonymousId: 'anon-5ab2',
      messageId: 'msg-identify-1',
      traits: { email: 'diego@example.com', name: 'Diego Ruiz', plan: 'mayorista' },
    });
    expect(identify.body).toEqual({ success: true });
    const [contact] = await api.sql<Json[]>`
      select id, email, first_name, last_name, attributes from contacts where external_id = 'cliente-88'`;
    expect(contact?.id).toBe(anonymous?.id);
    expect(contact).toMatchObject({
      email: 'diego@example.com',
      first_name: 'Diego',
      last_name: 'Ruiz',
    });
    expect(contact?.attributes.plan).toBe('mayorista');
    const [event] = await api.sql<
      Json[]
    >`select name from events where client_event_id = 'msg-view-1'`;
    expect(event?.name).toBe('product_viewed');
  });

  test('a page call is accepted and stored; a body without ids is refused with 400', async () => {
    const page = await call('/v1/page', {
      userId: 'cliente-88',
      name: 'Inicio',
      messageId: 'msg-page-2',
    });
    expect(page.status).toBe(200);
    const deliveries = await api.call<Json>('GET', `/api/sources/${source.id}/deliveries?limit=50`);
    expect(
      deliveries.body.items.some((d: Json) => d.topic === 'page' && d.status === 'ignored'),
    ).toBe(true);
    expect((await call('/v1/track', { event: 'X', messageId: 'm-x' })).status).toBe(400);
  });
});
