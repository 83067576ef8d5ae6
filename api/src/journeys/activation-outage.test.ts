import { pilotWorkflowId } from '@ruta/engine';
import type { TcpProxy } from '@ruta/platform/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiHarness } from '../testing/api-harness';
import { apiBehindTemporalRelay } from '../testing/temporal-relay';

/**
 * Activating while Temporal is away (the API reaches it through a relay the test cuts): the
 * journey would be "active" without its pilot watch, schedule or sweep — doing less than it says.
 * It is refused with a clear 503 and left as it was; activating again once Temporal is back works.
 * Pausing stands while Temporal is away (a watch or schedule that fires finds it not active).
 */
type Json = Record<string, any>;

let api: ApiHarness;
let proxy: TcpProxy;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ api, relay: proxy, stop } = await apiBehindTemporalRelay());
});
afterAll(() => stop?.());

test('an activation Temporal cannot hear is refused and undone; a pause stands', async () => {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Activación sin motor',
    templateId: 'abandoned_cart',
  });
  const id = created.body.id as string;
  expect((await api.call('POST', `/api/journeys/${id}/publish`)).status).toBe(201);
  const pilot = { enrollmentPercent: 100, holdoutPercent: 0 };

  const journeyRow = async () =>
    (
      await api.sql<{ status: string; activation: unknown; active_version_id: unknown }[]>`
        select status, activation, active_version_id from journeys where id = ${id}`
    )[0];
  const before = await journeyRow();
  expect(before?.status).toBe('draft');

  await proxy.cut();
  const refused = await api.call<Json>('POST', `/api/journeys/${id}/activate`, { pilot });
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('5');
  expect(refused.body).toMatchObject({ code: 'engine_unavailable' });
  expect(refused.body.detail_es).toMatch(/Reintenta en 5 segundos/);
  expect(await journeyRow()).toEqual(before);

  await proxy.restore();
  const activated = await api.eventually(async () => {
    const res = await api.call<Json>('POST', `/api/journeys/${id}/activate`, { pilot });
    return res.status === 200 ? res : undefined;
  }, 30_000);
  expect(activated.body.status).toBe('active');
  const watch = api.temporal.workflow.getHandle(pilotWorkflowId(`${api.taskQueue}/`, id));
  expect((await watch.describe()).status.name).toBe('RUNNING');

  await proxy.cut();
  const paused = await api.call<Json>('POST', `/api/journeys/${id}/pause`);
  expect(paused.status).toBe(200);
  expect(paused.body.status).toBe('paused');
  const resumed = await api.call<Json>('POST', `/api/journeys/${id}/resume`);
  expect(resumed.status).toBe(503);
  expect((await api.call<Json>('GET', `/api/journeys/${id}`)).body.status).toBe('paused');
  await proxy.restore();
});
