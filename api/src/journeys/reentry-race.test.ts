import { activeJourney, enrollmentRequest, recordEnrollment } from '@ruta/engine';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

/**
 * Re-entry "never" holds when two enrollments of one contact race: the first run is recorded and
 * already over (a send that failed at once) before the second one's statement looks. Without
 * turns on the workflow id the second saw no run in its snapshot and, the first no longer being
 * active, nothing stopped its insert: a second run, and a second message.
 */
test('two enrollments at once, the first already ended: "never" still means one run', async () => {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Solo una vez',
    templateId: 'abandoned_cart',
  });
  const draft = created.body.draft;
  draft.settings.reentry = { mode: 'never' };
  await api.call('PUT', `/api/journeys/${created.body.id}/draft`, { definition: draft });
  await api.call('POST', `/api/journeys/${created.body.id}/publish`);
  await api.call('POST', `/api/journeys/${created.body.id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
  });
  const contact = await api.call<Json>('POST', '/api/contacts', {
    externalId: 'carrera-1',
    phone: '+5215577778888',
  });
  const journey = await activeJourney(api.sql, created.body.id);
  if (!journey) throw new Error('the journey is not active');
  const planned = enrollmentRequest(journey, contact.body.id);
  if (!('request' in planned)) throw new Error('not enrolled');
  const target = {
    temporal: api.temporal,
    taskQueue: api.taskQueue,
    workflowIdPrefix: `${api.taskQueue}/`,
  };

  let second: Promise<unknown> | undefined;
  await api.sql.begin(async (tx) => {
    const first = await recordEnrollment(tx, target, planned.request);
    expect(first.result.status).toBe('started');
    // The first run is over before this transaction commits; the second enrollment starts now.
    await tx`update runs set status = 'completed', outcome = 'not_delivered', ended_at = now()
             where id = ${(first.result as { runId: string }).runId}`;
    second = recordEnrollment(api.sql, target, planned.request).then((r) => r.result);
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  expect(await second).toMatchObject({ status: 'skipped', reason: 'reentry_never' });
  const runs = await api.sql`select id from runs where contact_id = ${contact.body.id}`;
  expect(runs).toHaveLength(1);
  await api.call('POST', `/api/journeys/${created.body.id}/stop`);
});
