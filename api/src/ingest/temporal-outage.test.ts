import type { TcpProxy } from '@ruta/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiHarness } from '../testing/api-harness';
import { activeTemplateJourney } from '../testing/journeys';
import { apiBehindTemporalRelay } from '../testing/temporal-relay';

/**
 * DESIGN §8.2: Temporal goes away (the API reaches it through a TCP relay the test cuts) while
 * carts arrive and a customer taps «Comprar». Nothing is lost or doubled: every answer comes at
 * once, the enrollments and the tap wait in the outbox, and once Temporal is back every cart runs
 * once and the tap reaches its run.
 */
type Json = Record<string, any>;

let api: ApiHarness;
let proxy: TcpProxy;
let stop: () => Promise<void>;
let journeyId: string;

beforeAll(async () => {
  ({ api, relay: proxy, stop } = await apiBehindTemporalRelay());
  journeyId = await activeTemplateJourney(api, {
    name: 'Carrito (outage)',
    templateId: 'abandoned_cart',
    waitFor: { amount: 10, unit: 'minutes' },
  });
});
afterAll(() => stop?.());

function cart(id: string) {
  return {
    id: `evt-${id}`,
    name: 'cart_abandoned',
    contact: {
      externalId: `cust-${id}`,
      phone: `+521550${String(Number.parseInt(id.replace(/\D/g, ''), 10) || 0).padStart(7, '0')}`,
      consent: { whatsapp: true, sms: true },
    },
    properties: {
      cart_id: id,
      cart_total: '$10.00',
      item_count: 1,
      cart_url: `https://t.mx/${id}`,
    },
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

async function run(runId: string): Promise<Json> {
  return (await api.call<Json>('GET', `/api/runs/${runId}`)).body;
}

describe('Temporal unreachable from the API', () => {
  test('carts and taps answer at once, wait in the outbox, and all land once Temporal is back', async () => {
    const before = await api.call<Json>('POST', '/api/events', cart('100'));
    const tapped = before.body.results[0];
    const tappedRun = tapped.enrollments[0].runId as string;
    await api.eventually(async () => (await run(tappedRun)).waitingFor?.nodeId === 'wait_cart');
    const message = (await run(tappedRun)).messages[0].id as string;

    await proxy.cut();
    const runIds: string[] = [];
    for (let i = 1; i <= 8; i++) {
      const { value, ms } = await timed(() => api.call<Json>('POST', '/api/events', cart(`${i}`)));
      expect(value.status).toBe(202);
      expect(ms).toBeLessThan(3_000);
      const [result] = value.body.results;
      expect(result.enrollments).toEqual([expect.objectContaining({ status: 'started' })]);
      runIds.push(result.enrollments[0].runId);
    }
    const tap = await timed(() =>
      api.call<Json>('POST', '/api/sandbox/inbound', {
        contactId: tapped.contactId,
        channel: 'whatsapp',
        buttonId: 'buy',
        text: 'Comprar',
        replyTo: message,
      }),
    );
    expect(tap.value.status).toBe(202);
    expect(tap.ms).toBeLessThan(3_000);
    // A client retrying with the same id is told "duplicate": its cart's run is on record.
    const retry = await api.call<Json>('POST', '/api/events', cart('1'));
    expect(retry.body.results[0].status).toBe('duplicate');
    const health = await api.call<Json>('GET', '/api/health');
    expect(health.body.outbox.depth).toBeGreaterThanOrEqual(9);

    await proxy.restore();
    for (const runId of runIds) {
      await api.eventually(
        async () => (await run(runId)).waitingFor?.nodeId === 'wait_cart',
        60_000,
      );
    }
    const done = await api.eventually(async () => {
      const r = await run(tappedRun);
      return r.status === 'completed' ? r : undefined;
    }, 60_000);
    expect(done.outcome).toBe('clicked_buy');
    await api.eventually(
      async () => (await api.call<Json>('GET', '/api/health')).body.outbox.depth === 0,
      30_000,
    );

    // Each cart one run, each run one message per step.
    const counts = await api.sql<{ entry_key: string; runs: number; messages: number }[]>`
      select r.entry_key, count(distinct r.id)::int as runs, count(m.id)::int as messages
      from runs r left join messages m on m.run_id = r.id
      where r.journey_id = ${journeyId} group by r.entry_key order by r.entry_key`;
    expect(counts).toHaveLength(9);
    for (const row of counts) {
      expect(row.runs).toBe(1);
      expect(row.messages).toBe(row.entry_key === '100' ? 2 : 1);
    }
  });

  test('an event whose routing never committed is routed by the retry, not called a duplicate', async () => {
    // As if the request died between storing the event and routing it.
    const contact = await api.call<Json>('POST', '/api/contacts', {
      externalId: 'cust-unrouted',
      phone: '+5215500077777',
      consent: { whatsapp: true },
    });
    await api.sql`
      insert into events (workspace_id, client_event_id, name, contact_id, properties, routed_at)
      values (${api.workspaceId}, 'evt-unrouted', 'cart_abandoned', ${contact.body.id},
              ${api.sql.json({ cart_id: 'U-1', cart_total: '$1.00', item_count: 1, cart_url: 'u' })}, null)`;
    const retry = await api.call<Json>('POST', '/api/events', {
      ...cart('U-1'),
      id: 'evt-unrouted',
      contact: { externalId: 'cust-unrouted' },
    });
    expect(retry.body.results[0]).toMatchObject({
      status: 'accepted',
      enrollments: [expect.objectContaining({ status: 'started' })],
    });
    const again = await api.call<Json>('POST', '/api/events', {
      ...cart('U-1'),
      id: 'evt-unrouted',
      contact: { externalId: 'cust-unrouted' },
    });
    expect(again.body.results[0].status).toBe('duplicate');
  });
});
