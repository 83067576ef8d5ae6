import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PUBLIC_API_PATHS } from '../app';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../auth/api-keys';
import { type ApiHarness, startApiHarness, TEST_PASSWORD } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('auth', () => {
  test('every private route refuses a request without credentials, and a bad key (walks the route table)', async () => {
    const routes = api.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'));
    const privateRoutes = routes.filter((r) => !PUBLIC_API_PATHS.includes(r.path));
    expect(privateRoutes.length).toBeGreaterThan(15);
    for (const route of privateRoutes) {
      const path = route.path
        .replace(/:contactId|:importId|:id/g, SOME_ID)
        .replace(/:event/g, 'read');
      const anonymous = await api.call(
        route.method,
        path,
        route.method === 'GET' ? undefined : {},
        { key: null },
      );
      expect(anonymous.status, `${route.method} ${route.path} without credentials`).toBe(401);
      const wrong = await api.call(route.method, path, route.method === 'GET' ? undefined : {}, {
        key: 'ruta_not_a_key',
      });
      expect(wrong.status, `${route.method} ${route.path} with a bad key`).toBe(401);
    }
  });

  test('log in sets a session cookie that works for /api/me; logout ends it; a wrong password is 401', async () => {
    const wrong = await api.call(
      'POST',
      '/api/auth/login',
      { email: api.adminEmail, password: 'nope' },
      { key: null },
    );
    expect(wrong.status).toBe(401);
    const login = await api.call<Record<string, any>>(
      'POST',
      '/api/auth/login',
      { email: api.adminEmail, password: TEST_PASSWORD },
      { key: null },
    );
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^ruta_session=/);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const me = await api.call<Record<string, any>>('GET', '/api/me', undefined, { cookie });
    expect(me.body).toMatchObject({
      user: { email: api.adminEmail },
      workspace: { id: api.workspaceId },
    });
    const foreign = await api.call(
      'POST',
      '/api/journeys',
      { name: 'x' },
      { cookie, headers: { origin: 'https://evil.example' } },
    );
    expect(foreign.status).toBe(403);
    expect((await api.call('POST', '/api/auth/logout', undefined, { cookie })).status).toBe(204);
    expect((await api.call('GET', '/api/me', undefined, { cookie })).status).toBe(401);
  });

  test('a workspace never sees another workspace’s journeys, runs or contacts', async () => {
    const created = await api.call<Record<string, any>>('POST', '/api/journeys', {
      name: 'Solo mío',
    });
    const [other] = await api.sql<
      { id: string }[]
    >`insert into workspaces (name) values ('Otra tienda') returning id`;
    const otherKey = generateApiKey();
    await api.sql`insert into api_keys (workspace_id, name, prefix, key_hash) values (${other!.id}, 'k', ${apiKeyPrefix(otherKey)}, ${hashApiKey(otherKey)})`;
    expect(
      (await api.call('GET', `/api/journeys/${created.body.id}`, undefined, { key: otherKey }))
        .status,
    ).toBe(404);
    expect(
      (
        await api.call('POST', `/api/journeys/${created.body.id}/publish`, undefined, {
          key: otherKey,
        })
      ).status,
    ).toBe(404);
    const list = await api.call<unknown[]>('GET', '/api/journeys', undefined, { key: otherKey });
    expect(list.body).toEqual([]);
  });
});

describe('malformed requests', () => {
  test('every operation with a JSON body answers broken JSON and a wrong-typed body with a 4xx problem, never 5xx (walks the OpenAPI document)', async () => {
    // Every operation the OpenAPI document says takes a JSON body (the CSV import takes text/csv).
    const doc = (await api.call<Record<string, any>>('GET', '/api/openapi.json')).body;
    const withBody = Object.entries<Record<string, any>>(doc.paths).flatMap(([path, ops]) =>
      Object.entries<Record<string, any>>(ops)
        .filter(([, op]) => op.requestBody?.content?.['application/json'])
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(withBody.length).toBeGreaterThan(8);
    for (const route of withBody) {
      const path = route.path
        .replace(/\{(contactId|id|importId)\}/g, SOME_ID)
        .replace(/\{event\}/g, 'read');
      for (const body of ['{"broken": ', '[1, 2, 3]', '"just a string"']) {
        const res = await api.call<Record<string, any>>(route.method, path, body);
        expect(res.status, `${route.method} ${route.path} with ${body}`).toBeGreaterThanOrEqual(
          400,
        );
        expect(res.status, `${route.method} ${route.path} with ${body}`).toBeLessThan(500);
        expect(res.headers.get('content-type'), `${route.method} ${route.path}`).toContain(
          'application/problem+json',
        );
      }
    }
  });

  test('bad bodies and params are 4xx problems with a field path, never 5xx', async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/api/journeys', {}],
      ['POST', '/api/journeys', { name: '' }],
      ['POST', '/api/journeys', '{not json'],
      ['POST', '/api/journeys', { name: 'x', templateId: 'nope' }],
      ['GET', '/api/journeys/not-a-uuid', undefined],
      ['PUT', `/api/journeys/${SOME_ID}/draft`, { definition: 'text' }],
      ['POST', '/api/events', { id: 'e', name: 'x' }],
      ['POST', '/api/events', { id: 'e', name: 'x', contact: {} }],
      ['POST', '/api/events', { id: 'e', name: 'x', contact: { phone: '5512345678' } }],
      ['POST', '/api/events', { events: [] }],
      ['POST', '/api/sandbox/inbound', { contactId: SOME_ID, channel: 'fax', text: 'hola' }],
      ['POST', `/api/sandbox/messages/${SOME_ID}/explode`, undefined],
      ['GET', '/api/runs?limit=5000', undefined],
      ['GET', '/api/runs?status=zombie', undefined],
    ];
    for (const [method, path, body] of cases) {
      const res = await api.call<Record<string, any>>(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(res.headers.get('content-type'), `${method} ${path}`).toContain(
        'application/problem+json',
      );
      if (res.status === 400 && typeof body === 'object')
        expect(res.body.errors?.[0]?.path, `${method} ${path}`).toBeDefined();
    }
  });
});
