import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

describe('API keys', () => {
  test('a key is shown once at creation; the list shows its name, prefix, scope and last use, never the key', async () => {
    const admin = await api.member('admin');
    const created = await api.call<Json>(
      'POST',
      '/api/api-keys',
      { name: 'Tienda Shopify', scope: 'ingest' },
      { cookie: admin.cookie },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: 'Tienda Shopify',
      scope: 'ingest',
    });
    expect(created.body.key).toMatch(/^ruta_[\w-]{32}$/);
    expect(created.body.prefix).toBe(created.body.key.slice(0, 9));

    const before = await api.call<Json>('GET', '/api/api-keys', undefined, {
      cookie: admin.cookie,
    });
    const listed = before.body.items.find((k: Json) => k.id === created.body.id);
    expect(listed).toMatchObject({
      name: 'Tienda Shopify',
      scope: 'ingest',
      prefix: created.body.prefix,
      lastUsedAt: null,
      revokedAt: null,
      createdBy: { email: admin.email },
    });
    expect(JSON.stringify(before.body)).not.toContain(created.body.key);

    const used = await api.call(
      'POST',
      '/api/events',
      {
        id: 'evt-key-1',
        name: 'page_viewed',
        contact: { externalId: 'c-key-1' },
      },
      { key: created.body.key },
    );
    expect(used.status).toBeLessThan(300);
    const after = await api.call<Json>('GET', '/api/api-keys', undefined, { cookie: admin.cookie });
    expect(after.body.items.find((k: Json) => k.id === created.body.id).lastUsedAt).not.toBeNull();
  });

  test('a revoked key is refused on the very next request, here and in another API process', async () => {
    const created = await api.call<Json>('POST', '/api/api-keys', {
      name: 'Integración',
      scope: 'full',
    });
    const key = created.body.key as string;
    const other = await api.anotherApiProcess();
    try {
      // Both processes have checked (and cached) the key.
      expect((await api.call('GET', '/api/journeys', undefined, { key })).status).toBe(200);
      const viaOther = () =>
        other.app.request('/api/journeys', { headers: { authorization: `Bearer ${key}` } });
      expect((await viaOther()).status).toBe(200);

      expect((await api.call('DELETE', `/api/api-keys/${created.body.id}`)).status).toBe(204);
      const here = await api.call<Json>('GET', '/api/journeys', undefined, { key });
      expect(here.status).toBe(401);
      expect(here.body.code).toBe('invalid_api_key');
      await api.eventually(async () => (await viaOther()).status === 401, 5_000);

      const listed = await api.call<Json>('GET', '/api/api-keys');
      expect(
        listed.body.items.find((k: Json) => k.id === created.body.id).revokedAt,
      ).not.toBeNull();
      // Revoking again changes nothing; an unknown id is a 404.
      expect((await api.call('DELETE', `/api/api-keys/${created.body.id}`)).status).toBe(204);
      expect(
        (await api.call('DELETE', '/api/api-keys/00000000-0000-4000-8000-000000000000')).status,
      ).toBe(404);
    } finally {
      await other.stop();
    }
  });

  test('a scope other than ingest or full, or no name, is a 400 with the field path', async () => {
    const bad = await api.call<Json>('POST', '/api/api-keys', { name: '', scope: 'root' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.path).sort()).toEqual(['name', 'scope']);
  });
});
