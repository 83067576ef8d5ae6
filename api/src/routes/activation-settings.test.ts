import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

/** The cart template with quiet hours all day long (a send is held until 23:59), published. */
async function quietAllDayJourney(name: string) {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name,
    templateId: 'abandoned_cart',
  });
  const draft = created.body.draft;
  draft.settings.quietHours = { start: '00:00', end: '23:59' };
  const saved = await api.call<Json>('PUT', `/api/journeys/${created.body.id}/draft`, {
    definition: draft,
  });
  expect(saved.body.problems).toEqual([]);
  expect((await api.call('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
  return created.body.id as string;
}

test('quiet hours switched off at activation are off: the message goes at once; left alone, it waits', async () => {
  const off = await quietAllDayJourney('Carrito sin horario');
  const kept = await quietAllDayJourney('Carrito con horario');
  const activatedOff = await api.call<Json>('POST', `/api/journeys/${off}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
    quietHours: null,
  });
  expect(activatedOff.status).toBe(200);
  // What the dialog reads back is what was set: off, not "the version's".
  expect(activatedOff.body.activation).toMatchObject({ quietHours: null });
  const activatedKept = await api.call<Json>('POST', `/api/journeys/${kept}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
  });
  expect(activatedKept.body.activation).not.toHaveProperty('quietHours');

  const ingest = await api.call<Json>('POST', '/api/events', {
    id: 'evt-quiet-1',
    name: 'cart_abandoned',
    contact: {
      externalId: 'night-owl',
      phone: '+5215533334444',
      firstName: 'Noé',
      timeZone: 'America/Mexico_City',
      consent: { whatsapp: true, sms: true },
    },
    properties: {
      cart_id: 'N-1',
      cart_total: '$450.00',
      item_count: 1,
      cart_url: 'https://t.mx/N-1',
    },
  });
  const runs = Object.fromEntries(
    ingest.body.results[0].enrollments.map((e: Json) => [e.journeyId, e.runId]),
  );
  const sent = await api.eventually(async () => {
    const run = (await api.call<Json>('GET', `/api/runs/${runs[off]}`)).body;
    return run.messages.length > 0 ? run : undefined;
  });
  expect(sent.messages[0]).toMatchObject({ node_id: 'send_cart', channel: 'whatsapp' });
  const held = await api.eventually(async () => {
    const run = (await api.call<Json>('GET', `/api/runs/${runs[kept]}`)).body;
    return run.waitingFor?.kind === 'quiet_hours' ? run : undefined;
  });
  expect(held.messages).toEqual([]);
});

test('a goal and a frequency cap given at activation keep every field (filters, exit on goal, period)', async () => {
  const id = await quietAllDayJourney('Carrito meta');
  const goal = {
    event: 'order_placed',
    filters: [{ source: 'event', field: 'total', op: 'gt', value: 500 }],
    window: { amount: 36, unit: 'hours' },
    exitOnGoal: false,
  };
  const withGoal = await api.call<Json>('POST', `/api/journeys/${id}/activate`, {
    goal,
    frequencyCap: { max: 2, per: { amount: 3, unit: 'days' }, channel: 'all', whenCapped: 'skip' },
  });
  expect(withGoal.status).toBe(200);
  expect(withGoal.body.activation.goal).toEqual(goal);
  expect(withGoal.body.activation.frequencyCap.per).toEqual({ amount: 3, unit: 'days' });
  await api.call('POST', `/api/journeys/${id}/pause`);
  await api.call('POST', `/api/journeys/${id}/stop`);
});
