import { sourcePollScheduleId } from '@ruta/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { tiendanubeCheckout, tiendanubeOrder, tiendanubeWebhook } from './fixtures/tiendanube';
import { startFakeTiendanubeApi } from './testing/fake-tiendanube';

/**
 * Issue #20: a Tiendanube store. Its webhooks name an order, which Ruta reads from the store's API
 * (a local server answering as the documentation says, reached through the outbound guard); its
 * abandoned checkouts are read by a Temporal Schedule per source.
 */
type Json = Record<string, any>;

const STORE = { storeId: '1234567', accessToken: 'tn-access-token-0001' };
const APP_SECRET = 'tn-app-secret-0001';
let api: ApiHarness;
let fake: Awaited<ReturnType<typeof startFakeTiendanubeApi>>;
let source: Json;

async function post(notice: { store_id: number; event: string; id: number }, secret = APP_SECRET) {
  const { body, headers } = tiendanubeWebhook(secret, notice);
  const res = await api.app.request(`/webhooks/sources/tiendanube/${source.id}`, {
    method: 'POST',
    headers,
    body,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

beforeAll(async () => {
  fake = await startFakeTiendanubeApi(STORE);
  api = await startApiHarness({
    providerApiUrls: { tiendanube: fake.baseUrl },
    outbound: { allow: ['127.0.0.1'] },
  });
  const res = await api.call<Json>('POST', '/api/sources', {
    platform: 'tiendanube',
    name: 'Tienda Yerba',
    config: { ...STORE, appSecret: APP_SECRET, defaultCountry: 'AR' },
  });
  expect(res.status).toBe(201);
  source = res.body;
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await fake?.close();
});

describe('the Tiendanube source', () => {
  test('keeps its secrets write-only', () => {
    expect(source.secretsSet).toEqual(['accessToken', 'appSecret']);
    expect(JSON.stringify(source)).not.toContain(STORE.accessToken);
  });

  test('refuses a notice signed with another secret, or with uppercase hex', async () => {
    expect((await post({ store_id: 1234567, event: 'order/created', id: 1 }, 'other')).status).toBe(
      401,
    );
    const { body, headers } = tiendanubeWebhook(APP_SECRET, {
      store_id: 1234567,
      event: 'order/created',
      id: 1,
    });
    const upper = await api.app.request(`/webhooks/sources/tiendanube/${source.id}`, {
      method: 'POST',
      headers: {
        ...headers,
        'x-linkedstore-hmac-sha256': headers['x-linkedstore-hmac-sha256'].toUpperCase(),
      },
      body,
    });
    expect(upper.status).toBe(401);
  });

  test('a paid order named by a webhook is read from the API and becomes order_placed', async () => {
    fake.orders.set(
      '871254203',
      tiendanubeOrder({ id: 871254203, token: 'tok-paid-1', paymentStatus: 'paid' }),
    );
    const res = await post({ store_id: 1234567, event: 'order/paid', id: 871254203 });
    const list = await api.call<Json>('GET', `/api/sources/${source.id}/deliveries`);
    expect(res.body.status, JSON.stringify(list.body.items[0])).toBe('processed');
    expect(fake.requests.at(-1)).toEqual({
      path: '/v1/1234567/orders/871254203',
      authentication: `bearer ${STORE.accessToken}`,
    });
    const [event] = await api.sql<Json[]>`
      select e.name, e.properties, c.phone, c.external_id from events e join contacts c on c.id = e.contact_id
      where e.client_event_id = 'tiendanube:order:871254203'`;
    expect(event).toMatchObject({
      name: 'order_placed',
      phone: '+541143218765',
      external_id: 'tiendanube:55511122',
    });
    expect(event?.properties).toMatchObject({
      cart_id: 'tok-paid-1',
      order_id: '871254203',
      currency: 'ARS',
    });
    // The same notice again (Tiendanube may repeat one): kept once.
    expect(
      (await post({ store_id: 1234567, event: 'order/paid', id: 871254203 })).body.duplicate,
    ).toBe(true);
  });

  test('the store API busy: the delivery stays to be processed again, and a replay takes it', async () => {
    fake.orders.set(
      '871254204',
      tiendanubeOrder({ id: 871254204, token: 'tok-busy', paymentStatus: 'paid' }),
    );
    fake.outage.next = 1;
    const res = await post({ store_id: 1234567, event: 'order/paid', id: 871254204 });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('received');
    const [row] = await api.sql<
      Json[]
    >`select status, error from source_deliveries where id = ${res.body.received}`;
    expect(row?.status).toBe('received');
    expect(row?.error).toContain('503');
    const replay = await api.call<Json>(
      'POST',
      `/api/sources/${source.id}/deliveries/${res.body.received}/replay`,
    );
    expect(replay.body).toMatchObject({ ok: true, status: 'processed' });
  });

  test('an order Tiendanube does not have is ignored, saying why', async () => {
    const res = await post({ store_id: 1234567, event: 'order/created', id: 404404 });
    expect(res.body.status).toBe('ignored');
  });

  test('a Temporal Schedule per source reads abandoned checkouts; each becomes checkout_started', async () => {
    const schedule = await api.temporal.schedule
      .getHandle(sourcePollScheduleId(`${api.taskQueue}/`, source.id))
      .describe();
    expect(schedule.action.type).toBe('startWorkflow');
    fake.checkouts.push(tiendanubeCheckout({ id: 300100, token: 'tok-abandoned-1' }));
    // What the schedule starts, run now rather than in 15 minutes.
    const read = await api.temporal.workflow.execute('sourcePollWorkflow', {
      taskQueue: api.taskQueue,
      workflowId: `${api.taskQueue}/poll-now-${source.id}`,
      args: [{ sourceId: source.id }],
    });
    expect(read).toEqual({ listed: 1, stored: 1 });
    const event = await api.eventually(async () => {
      const [e] = await api.sql<Json[]>`
        select e.properties, c.phone, c.first_name from events e join contacts c on c.id = e.contact_id
        where e.client_event_id = 'tiendanube:checkout:tok-abandoned-1'`;
      return e;
    });
    expect(event).toMatchObject({ phone: '+541155551234', first_name: 'Martín' });
    expect(event.properties).toMatchObject({
      cart_id: 'tok-abandoned-1',
      cart_url: 'https://tienda-yerba.mitiendanube.com/checkout/v3/proxy/300100/tok-abandoned-1',
    });
    // Read again: the same checkout version is not stored twice.
    const again = await api.temporal.workflow.execute('sourcePollWorkflow', {
      taskQueue: api.taskQueue,
      workflowId: `${api.taskQueue}/poll-again-${source.id}`,
      args: [{ sourceId: source.id }],
    });
    expect(again).toEqual({ listed: 1, stored: 0 });
  });

  test('"send a test event" maps a documented-shape checkout for the test contact', async () => {
    const res = await api.call<Json>('POST', `/api/sources/${source.id}/test`);
    expect(res.body).toMatchObject({ status: 'processed', topic: 'checkout', test: true });
    expect(res.body.outcome.events[0].name).toBe('source_test');
  });

  test('deleting the source deletes its schedule', async () => {
    expect((await api.call('DELETE', `/api/sources/${source.id}`)).status).toBe(204);
    await expect(
      api.temporal.schedule
        .getHandle(sourcePollScheduleId(`${api.taskQueue}/`, source.id))
        .describe(),
    ).rejects.toThrow();
  });
});
