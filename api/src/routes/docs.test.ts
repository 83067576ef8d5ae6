import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

test('the OpenAPI document is generated from the schemas and covers the contract; /api/docs renders it', async () => {
  const doc = await api.call<Record<string, any>>('GET', '/api/openapi.json', undefined, {
    key: null,
  });
  expect(doc.status).toBe(200);
  expect(doc.body.openapi).toBe('3.1.0');
  const paths = Object.keys(doc.body.paths);
  for (const path of [
    '/api/auth/login',
    '/api/me',
    '/api/templates',
    '/api/journeys',
    '/api/journeys/{id}',
    '/api/journeys/{id}/draft',
    '/api/journeys/{id}/publish',
    '/api/journeys/{id}/activate',
    '/api/journeys/{id}/impact',
    '/api/events',
    '/api/runs',
    '/api/runs/{id}',
    '/api/runs/{id}/exit',
    '/api/sandbox/inbound',
  ]) {
    expect(paths, path).toContain(path);
  }
  expect(
    doc.body.paths['/api/events'].post.requestBody.content['application/json'].schema,
  ).toBeDefined();
  const page = await api.call('GET', '/api/docs', undefined, { key: null });
  expect(page.status).toBe(200);
  expect(String(page.body)).toContain('/api/openapi.json');
});
