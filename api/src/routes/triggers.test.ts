import { sweepScheduleId } from '@ruta/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

async function contact(externalId: string, lastOrderDaysAgo: number) {
  const res = await api.call<Json>('POST', '/api/events', {
    id: `seed-${externalId}`,
    name: 'customer_seen',
    contact: {
      externalId,
      phone: `+52155${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      firstName: externalId,
      consent: { whatsapp: true, sms: true, email: true },
      attributes: {
        last_order_at: new Date(Date.now() - lastOrderDaysAgo * 86_400_000).toISOString(),
      },
    },
  });
  return res.body.results[0].contactId as string;
}

describe('schedule and segment triggers', () => {
  test('a schedule journey owns a Temporal Schedule while active; a sweep enrolls only the contacts its conditions accept', async () => {
    const inactive = await contact('dormida', 90);
    const recent = await contact('reciente', 5);
    const created = await api.call<Json>('POST', '/api/journeys', {
      name: 'Reactivación',
      templateId: 'reactivation',
    });
    const id = created.body.id;
    expect((await api.call('POST', `/api/journeys/${id}/publish`)).status).toBe(201);
    expect((await api.call('POST', `/api/journeys/${id}/activate`, {})).status).toBe(200);

    const scheduleId = sweepScheduleId(`${api.taskQueue}/`, id);
    const described = await api.temporal.schedule.getHandle(scheduleId).describe();
    expect(described.state.paused).toBe(false);
    expect(described.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 10, end: 10, step: 1 }],
    });

    const sweep = await api.call<Json>('POST', `/api/journeys/${id}/sweep`);
    expect(sweep.status).toBe(202);
    await api.temporal.workflow.getHandle(sweep.body.workflowId).result();
    const runs = await api.call<Json[]>('GET', `/api/runs?journeyId=${id}`);
    expect(runs.body.map((r) => r.contact_id)).toEqual([inactive]);
    expect(runs.body.map((r) => r.contact_id)).not.toContain(recent);

    expect((await api.call('POST', `/api/journeys/${id}/pause`)).status).toBe(200);
    expect((await api.temporal.schedule.getHandle(scheduleId).describe()).state.paused).toBe(true);
    expect((await api.call('POST', `/api/journeys/${id}/stop`)).status).toBe(200);
    await expect(api.temporal.schedule.getHandle(scheduleId).describe()).rejects.toThrow();
  });

  test('manual enrollment respects the journey state and refuses unknown contacts with their index', async () => {
    const someone = await contact('manual', 1);
    const created = await api.call<Json>('POST', '/api/journeys', {
      name: 'Manual',
      templateId: 'reactivation',
    });
    const id = created.body.id;
    const early = await api.call<Json>('POST', `/api/journeys/${id}/enroll`, {
      contactIds: [someone],
    });
    expect(early.status).toBe(409);
    await api.call('POST', `/api/journeys/${id}/publish`);
    await api.call('POST', `/api/journeys/${id}/activate`, {});
    const bad = await api.call<Json>('POST', `/api/journeys/${id}/enroll`, {
      contactIds: [someone, '00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('contactIds[1]');
    const ok = await api.call<Json>('POST', `/api/journeys/${id}/enroll`, {
      contactIds: [someone],
    });
    expect(ok.status).toBe(202);
    expect(ok.body.enrollments[0]).toMatchObject({
      contactId: someone,
      status: 'started',
      group: 'treatment',
    });
    await api.call('POST', `/api/journeys/${id}/stop`);
  });
});
