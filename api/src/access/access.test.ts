import { type Role, requiredRole, roleAtLeast } from '@ruta/shared';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PUBLIC_API_PATHS } from '../app';
import type { AppEnv } from '../deps';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { authorize } from './authorize';
import { ROUTE_ACCESS } from './route-access';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

const SOME_ID = '00000000-0000-4000-8000-000000000000';

function privateRoutes() {
  const seen = new Set<string>();
  return api.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .filter((r) => !PUBLIC_API_PATHS.includes(r.path))
    .map((r) => `${r.method} ${r.path}`)
    .filter((key) => !seen.has(key) && seen.add(key));
}

function request(route: string) {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern
    .replace(/:(contactId|importId|id|userId)\b/g, SOME_ID)
    .replace(/:event/g, 'read');
  return { method, path, body: method === 'GET' ? undefined : {} };
}

describe('access: one middleware checks the role of every route', () => {
  test('every private route has an access rule, and every rule a route', () => {
    const routes = privateRoutes();
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => !ROUTE_ACCESS[r])).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((r) => !routes.includes(r))).toEqual([]);
  });

  test.each<Role>(['viewer', 'editor', 'admin', 'owner'])(
    'a %s is refused exactly the routes above its role, with a 403 naming the role needed (walks the route table)',
    async (role) => {
      const { userId } = await api.member(role);
      for (const route of privateRoutes()) {
        const needed = requiredRole(ROUTE_ACCESS[route]!.permission);
        const { method, path, body } = request(route);
        // A fresh session per call: some routes (log out everywhere) end the one they use.
        const cookie = await api.sessionCookie(userId);
        const res = await api.call<Record<string, any>>(method, path, body, { cookie });
        if (roleAtLeast(role, needed)) {
          expect([401, 403], `${route} as ${role}`).not.toContain(res.status);
        } else {
          expect(res.status, `${route} as ${role}`).toBe(403);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          expect(res.body).toMatchObject({
            code: 'role_required',
            requiredRole: needed,
            currentRole: role,
          });
          expect(res.body.detail).toContain(
            `needs the ${needed === 'admin' ? 'admin' : needed} role`,
          );
          expect(res.body.detail_es).toMatch(/requiere el rol de/);
        }
      }
    },
  );

  test('an ingest key reaches events and contacts only; a full key acts as an admin (walks the route table)', async () => {
    const owner = await api.member('owner');
    const keys: Record<string, string> = {};
    for (const scope of ['ingest', 'full'] as const) {
      const created = await api.call<Record<string, any>>(
        'POST',
        '/api/api-keys',
        { name: `Clave ${scope}`, scope },
        { cookie: owner.cookie },
      );
      expect(created.status).toBe(201);
      keys[scope] = created.body.key;
    }
    const ingestRoutes: string[] = [];
    for (const route of privateRoutes()) {
      const access = ROUTE_ACCESS[route]!;
      const { method, path, body } = request(route);
      const ingest = await api.call<Record<string, any>>(method, path, body, { key: keys.ingest });
      if (access.ingest) {
        ingestRoutes.push(route);
        expect([401, 403], `${route} with an ingest key`).not.toContain(ingest.status);
      } else {
        expect(ingest.status, `${route} with an ingest key`).toBe(403);
        expect(ingest.body).toMatchObject({ code: 'api_key_scope', requiredScope: 'full' });
      }
      const full = await api.call<Record<string, any>>(method, path, body, { key: keys.full });
      if (roleAtLeast('admin', requiredRole(access.permission)))
        expect([401, 403], `${route} with a full key`).not.toContain(full.status);
      else expect(full.status, `${route} with a full key`).toBe(403);
    }
    expect(ingestRoutes).toEqual(
      expect.arrayContaining(['POST /api/events', 'POST /api/contacts', 'PATCH /api/contacts/:id']),
    );
    expect(ingestRoutes.some((r) => r.includes('/journeys') || r.includes('/channels'))).toBe(
      false,
    );
  });

  test('a viewer reads but changes nothing: no pausing a live journey, no deleting a channel', async () => {
    const viewer = await api.member('viewer');
    const journey = await api.call<Record<string, any>>('POST', '/api/journeys', {
      name: 'Carrito',
      templateId: 'abandoned_cart',
    });
    await api.call('POST', `/api/journeys/${journey.body.id}/publish`);
    expect((await api.call('POST', `/api/journeys/${journey.body.id}/activate`, {})).status).toBe(
      200,
    );
    const channel = await api.call<Record<string, any>>('POST', '/api/channels', {
      provider: 'sandbox',
      name: 'Pruebas',
      config: {},
    });
    expect(channel.status).toBe(201);

    const as = { cookie: viewer.cookie };
    expect((await api.call('GET', '/api/journeys', undefined, as)).status).toBe(200);
    expect((await api.call('GET', `/api/journeys/${journey.body.id}`, undefined, as)).status).toBe(
      200,
    );
    expect((await api.call('GET', '/api/channels', undefined, as)).status).toBe(200);
    const pause = await api.call<Record<string, any>>(
      'POST',
      `/api/journeys/${journey.body.id}/pause`,
      undefined,
      as,
    );
    expect(pause.status).toBe(403);
    expect(pause.body).toMatchObject({ title: 'Forbidden', requiredRole: 'editor' });
    const remove = await api.call<Record<string, any>>(
      'DELETE',
      `/api/channels/${channel.body.id}`,
      undefined,
      as,
    );
    expect(remove.status).toBe(403);
    expect(remove.body.requiredRole).toBe('admin');
    const after = await api.call<Record<string, any>>('GET', `/api/journeys/${journey.body.id}`);
    expect(after.body.status).toBe('active');
    expect((await api.call('GET', `/api/channels/${channel.body.id}`)).status).toBe(200);
  });

  test('a route nobody declared is refused (fail closed)', async () => {
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', { log: { error() {} } } as never);
      c.set('auth', { workspaceId: api.workspaceId, via: 'session', role: 'owner' });
      await next();
    });
    app.use('*', authorize({ 'GET /declared': { permission: 'read' } }));
    app.get('/declared', (c) => c.text('ok'));
    app.post('/forgotten', (c) => c.text('should not run'));
    expect((await app.request('/declared')).status).toBe(200);
    const refused = await app.request('/forgotten', { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'route_not_declared' });
  });
});
