import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

test('duplicate: a new draft with the draft and layout, none of the versions, runs or activation', async () => {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Carrito',
    templateId: 'abandoned_cart',
  });
  const id = created.body.id as string;
  expect((await api.call('POST', `/api/journeys/${id}/publish`)).status).toBe(201);
  await api.call('POST', `/api/journeys/${id}/activate`, { quietHours: null });

  const copy = await api.call<Json>('POST', `/api/journeys/${id}/duplicate`, {
    name: 'Carrito (copia)',
  });
  expect(copy.status).toBe(201);
  expect(copy.body).toMatchObject({
    name: 'Carrito (copia)',
    status: 'draft',
    templateId: 'abandoned_cart',
    activeVersion: null,
    versions: [],
    activation: null,
    problems: [],
  });
  expect(copy.body.id).not.toBe(id);
  expect(copy.body.draft).toEqual(created.body.draft);
  expect(copy.body.layout).toEqual(created.body.layout);

  const unnamed = await api.call<Json>('POST', `/api/journeys/${id}/duplicate`);
  expect(unnamed.body.name).toBe('Carrito (2)');

  const missing = await api.call<Json>(
    'POST',
    '/api/journeys/00000000-0000-4000-8000-000000000000/duplicate',
  );
  expect(missing.status).toBe(404);
  expect(missing.body.detail_es).toBeTruthy();
  await api.call('POST', `/api/journeys/${id}/stop`);
});

test('versions say who published them, and one is restored as the draft (not archived ones)', async () => {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Versiones',
    templateId: 'reactivation',
  });
  const id = created.body.id as string;
  await api.call('POST', `/api/journeys/${id}/publish`);
  const draft = structuredClone(created.body.draft);
  const first = Object.keys(draft.nodes)[0] as string;
  draft.nodes[first].name = 'Cambiado en v2';
  await api.call('PUT', `/api/journeys/${id}/draft`, { definition: draft });
  await api.call('POST', `/api/journeys/${id}/publish`);
  const versions = await api.call<Json[]>('GET', `/api/journeys/${id}/versions`);
  expect(versions.body.map((v) => v.version)).toEqual([2, 1]);
  expect(versions.body[0]).toHaveProperty('author');
  const v1 = versions.body[1] as Json;

  const restored = await api.call<Json>('POST', `/api/journeys/${id}/versions/${v1.id}/restore`);
  expect(restored.status).toBe(200);
  expect(restored.body.draft).toEqual(v1.definition);
  expect(restored.body.activeVersion.version).toBe(2);

  const other = await api.call<Json>('POST', '/api/journeys', { name: 'Otro' });
  const foreign = await api.call<Json>(
    'POST',
    `/api/journeys/${other.body.id}/versions/${v1.id}/restore`,
  );
  expect(foreign.status).toBe(404);
  await api.call('POST', `/api/journeys/${id}/archive`);
  const archived = await api.call<Json>('POST', `/api/journeys/${id}/versions/${v1.id}/restore`);
  expect(archived.status).toBe(409);
});
