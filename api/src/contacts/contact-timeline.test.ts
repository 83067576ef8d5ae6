import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { activeTemplateJourney } from '../testing/journeys';

/** One contact's whole story on one page: what they did, what they got, what they answered. */
let api: ApiHarness;
let journeyId: string;
type Json = Record<string, any>;

beforeAll(async () => {
  api = await startApiHarness();
  journeyId = await activeTemplateJourney(api, {
    name: 'Carrito (historia)',
    templateId: 'abandoned_cart',
    waitFor: { amount: 10, unit: 'minutes' },
  });
});
afterAll(() => api?.stop());

test('events, messages, replies, consent and runs, newest first', async () => {
  const ingest = await api.call<Json>('POST', '/api/events', {
    id: 'story-1',
    name: 'cart_abandoned',
    contact: {
      externalId: 'historia-1',
      phone: '+525522220001',
      firstName: 'Irma',
      consent: { whatsapp: true },
    },
    properties: { cart_id: 'H1', cart_total: '$80', item_count: 1, cart_url: 'https://t.mx/h1' },
  });
  const { contactId, enrollments } = ingest.body.results[0];
  const runId = enrollments[0].runId as string;
  await api.eventually(async () => {
    const run = (await api.call<Json>('GET', `/api/runs/${runId}`)).body;
    return run.waitingFor?.nodeId === 'wait_cart' ? run : undefined;
  });
  await api.call('POST', '/api/sandbox/inbound', {
    contactId,
    channel: 'whatsapp',
    text: '¿el envío es gratis?',
  });
  await api.eventually(async () => {
    const run = (await api.call<Json>('GET', `/api/runs/${runId}`)).body;
    return run.status !== 'active' ? run : undefined;
  });

  const res = await api.call<Json>('GET', `/api/contacts/${contactId}/timeline`);
  expect(res.status).toBe(200);
  const items = res.body.items as Json[];
  const at = items.map((i) => Date.parse(i.at));
  expect(at).toEqual([...at].sort((a, b) => b - a));
  const kinds = items.map((i) => i.kind);
  // The run ended handing the customer to sales: the hand-off and the end are the newest two (the
  // end's time is the workflow's, the hand-off's the database's: either may come first).
  expect(kinds.slice(0, 2).sort()).toEqual(['handoff', 'run_ended']);
  expect(kinds).toEqual(
    expect.arrayContaining(['run_ended', 'reply', 'message', 'run_started', 'event', 'consent']),
  );
  expect(items.find((i) => i.kind === 'handoff')).toMatchObject({
    runId,
    detail: { queue: 'ventas' },
  });
  expect(items.find((i) => i.kind === 'event')?.detail).toMatchObject({ name: 'cart_abandoned' });
  expect(items.find((i) => i.kind === 'reply')).toMatchObject({
    runId,
    journeyName: 'Carrito (historia)',
    detail: { channel: 'whatsapp', text: '¿el envío es gratis?' },
  });
  const message = items.find((i) => i.kind === 'message');
  expect(message?.detail).toMatchObject({ channel: 'whatsapp', nodeId: 'send_cart' });
  expect(items.find((i) => i.kind === 'consent')?.detail).toMatchObject({
    channel: 'whatsapp',
    granted: true,
  });
  expect(items.find((i) => i.kind === 'run_ended')).toMatchObject({
    runId,
    detail: { outcome: 'handed_off' },
  });
  expect(res.body.nextBefore).toBeNull();

  // An unknown contact is a 404.
  expect((await api.call('GET', `/api/contacts/${crypto.randomUUID()}/timeline`)).status).toBe(404);
});
