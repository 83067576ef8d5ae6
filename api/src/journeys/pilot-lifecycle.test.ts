import { pilotWorkflowId, recheckPilotSignal } from '@ruta/engine';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function cartEvent(id: string, externalId: string, phone: string) {
  return {
    id,
    name: 'cart_abandoned',
    contact: { externalId, phone, consent: { whatsapp: true, sms: true } },
    properties: { cart_id: id, cart_total: '$100.00', item_count: 1, cart_url: 'https://t.mx/c' },
  };
}

async function journeyRuns(id: string) {
  return api.sql<{ id: string; status: string }[]>`
    select id, status from runs where journey_id = ${id} and not preview order by started_at`;
}

test('a pilot ends by itself: after its end date nobody enters, the runs inside finish, then the journey is completed', async () => {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Piloto que termina',
    templateId: 'abandoned_cart',
  });
  const id = created.body.id as string;
  expect((await api.call('POST', `/api/journeys/${id}/publish`)).status).toBe(201);
  const activated = await api.call<Json>('POST', `/api/journeys/${id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0, endsAt: day(0) },
    quietHours: null,
  });
  expect(activated.status).toBe(200);
  expect(activated.body.pilotPhase).toBe('running');
  // The watch runs on Temporal from the activation on.
  const watch = api.temporal.workflow.getHandle(pilotWorkflowId(`${api.taskQueue}/`, id));
  expect((await watch.describe()).status.name).toBe('RUNNING');

  await api.call('POST', '/api/events', cartEvent('pilot-end-1', 'pilot-end-a', '+5215511110001'));
  const [inside] = await api.eventually(async () => {
    const runs = await journeyRuns(id);
    return runs.length === 1 && runs;
  });

  // The end date passes (the whole day counted): moved to yesterday, and the watch told at once
  // (it would otherwise wake at the end of the day, as it does in production).
  await api.sql`
    update journeys set activation = jsonb_set(activation, '{pilot,endsAt}', ${api.sql.json(day(-1))})
    where id = ${id}`;
  await watch.signal(recheckPilotSignal);

  const late = await api.call<Json>(
    'POST',
    '/api/events',
    cartEvent('pilot-end-2', 'pilot-end-b', '+5215511110002'),
  );
  expect(late.status).toBeLessThan(300);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await journeyRuns(id)).toHaveLength(1);
  // Finishing: still active in the database while its run is inside.
  const finishing = await api.call<Json>('GET', `/api/journeys/${id}`);
  expect(finishing.body).toMatchObject({ status: 'active', pilotPhase: 'finishing', inFlight: 1 });

  await api.call('POST', `/api/runs/${inside?.id}/exit`);
  await api.eventually(async () => (await journeyRuns(id))[0]?.status !== 'active');
  await watch.signal(recheckPilotSignal);
  expect(await watch.result()).toBe('completed');

  const ended = await api.call<Json>('GET', `/api/journeys/${id}`);
  expect(ended.body).toMatchObject({ status: 'completed', pilotPhase: 'ended', inFlight: 0 });
  const list = await api.call<Json[]>('GET', '/api/journeys');
  expect(list.body.find((j) => j.id === id)).toMatchObject({
    status: 'completed',
    pilotPhase: 'ended',
  });
  const [entry] = await api.sql<{ actor_label: string; detail: Json }[]>`
    select actor_label, detail from audit_log
    where target_id = ${id} and action = 'journey.pilot_completed'`;
  expect(entry).toMatchObject({ actor_label: 'Ruta', detail: { endsAt: day(-1) } });

  // A completed journey cannot be paused or stopped; it can run a new pilot, or be archived.
  expect((await api.call('POST', `/api/journeys/${id}/pause`)).status).toBe(409);
  const again = await api.call<Json>('POST', `/api/journeys/${id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0, endsAt: day(30) },
    quietHours: null,
  });
  expect(again.body).toMatchObject({ status: 'active', pilotPhase: 'running' });
  expect((await watch.describe()).status.name).toBe('RUNNING');
  // Stopping wakes the watch itself: it ends now rather than at the end date.
  await api.call('POST', `/api/journeys/${id}/stop`);
  expect(await watch.result()).toBe('not_active');
});

test('the watch leaves a journey alone while its pilot runs, and when it is stopped before the end', async () => {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Piloto detenido',
    templateId: 'abandoned_cart',
  });
  const id = created.body.id as string;
  await api.call('POST', `/api/journeys/${id}/publish`);
  await api.call('POST', `/api/journeys/${id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0, endsAt: day(10) },
  });
  const watch = api.temporal.workflow.getHandle(pilotWorkflowId(`${api.taskQueue}/`, id));
  await watch.signal(recheckPilotSignal);
  await new Promise((r) => setTimeout(r, 1000));
  expect((await watch.describe()).status.name).toBe('RUNNING');
  expect((await api.call<Json>('GET', `/api/journeys/${id}`)).body.status).toBe('active');
  // Stopping wakes the watch itself: it ends now rather than at the end date.
  await api.call('POST', `/api/journeys/${id}/stop`);
  expect(await watch.result()).toBe('not_active');
  expect((await api.call<Json>('GET', `/api/journeys/${id}`)).body.status).toBe('stopped');
});
