import type { TcpProxy } from '@ruta/platform/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiHarness } from '../testing/api-harness';
import { activeHandoffJourney, customerAsksForHelp } from '../testing/handoffs';
import { apiBehindTemporalRelay } from '../testing/temporal-relay';

/**
 * DESIGN §8.2 for the inbox: Temporal goes away (the API reaches it through a relay the test
 * cuts) while an agent answers and closes a conversation. The answer is refused at once with a
 * clear 503 in the agent's language and goes out once when they send it again; the close is kept
 * (signal outbox) and the waiting run goes on by it once Temporal is back.
 */
type Json = Record<string, any>;

let api: ApiHarness;
let proxy: TcpProxy;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ api, relay: proxy, stop } = await apiBehindTemporalRelay());
  await activeHandoffJourney(api, 'Carrito con ventas (outage)');
});
afterAll(() => stop?.());

test('an answer while Temporal is away is refused at once and sent once on retry; a close waits in the outbox', async () => {
  const { runId, handoff } = await customerAsksForHelp(api, 'outage-ana');
  const answer = { text: 'Hola Ana, ¿en qué te ayudo?', clientId: 'outage-answer-1' };

  await proxy.cut();
  const started = performance.now();
  const refused = await api.call<Json>('POST', `/api/handoffs/${handoff.id}/messages`, answer);
  expect(performance.now() - started).toBeLessThan(10_000);
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('5');
  expect(refused.body).toMatchObject({ code: 'engine_unavailable' });
  expect(refused.body.detail_es).toMatch(/motor de flujos de Ruta no responde/);
  const sentWhileDown = await api.sql`
    select id from messages where handoff_id = ${handoff.id}`;
  expect(sentWhileDown).toHaveLength(0);

  await proxy.restore();
  // The agent sends it again (the inbox keeps the client id until it went out): once.
  const sent = await api.eventually(async () => {
    const res = await api.call<Json>('POST', `/api/handoffs/${handoff.id}/messages`, answer);
    return res.status === 201 ? res : undefined;
  }, 60_000);
  expect(sent.body).toMatchObject({ channel: 'whatsapp', status: 'sent' });
  const again = await api.call<Json>('POST', `/api/handoffs/${handoff.id}/messages`, answer);
  expect(again.body.messageId).toBe(sent.body.messageId);
  const agentMessages = await api.sql`
    select id from messages where handoff_id = ${handoff.id}`;
  expect(agentMessages).toHaveLength(1);

  // Closing while Temporal is away answers at once and is kept for the run.
  await proxy.cut();
  const closed = await api.call<Json>('PATCH', `/api/handoffs/${handoff.id}`, {
    close: { result: 'sold' },
  });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({ status: 'closed', result: 'sold' });
  const [run] = await api.sql<{ status: string }[]>`select status from runs where id = ${runId}`;
  expect(run?.status).toBe('active');
  await proxy.restore();
  const ended = await api.eventually(async () => {
    const [row] = await api.sql<{ status: string; outcome: string }[]>`
      select status, outcome from runs where id = ${runId}`;
    return row?.status !== 'active' ? row : undefined;
  }, 60_000);
  expect(ended).toMatchObject({ outcome: 'sold' });
});
