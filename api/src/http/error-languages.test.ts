import { isErrorCode } from '@ruta/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

const SOME_ID = '00000000-0000-4000-8000-000000000000';

type Json = Record<string, unknown>;

/** Every route the app serves under /api and /webhooks (tracking pages answer HTML to customers). */
function routes() {
  const seen = new Set<string>();
  return api.app.routes
    .filter((r) => r.method !== 'ALL')
    .filter((r) => r.path.startsWith('/api/') || r.path.startsWith('/webhooks/'))
    .map((r) => `${r.method} ${r.path}`)
    .filter((key) => !seen.has(key) && seen.add(key));
}

function fill(pattern: string, id: string) {
  return pattern.replace(/:(\w+)/g, (_all, name: string) =>
    name === 'event' ? 'read' : name === 'token' ? 'not-a-token' : id,
  );
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !/undefined|\[object Object\]/.test(value);

/** What is missing from one problem answer: its code in the catalog and each text in three languages. */
function missing(body: Json): string[] {
  const out: string[] = [];
  if (!isErrorCode(body.code)) out.push(`code ${String(body.code)} is not in the catalog`);
  for (const key of ['title', 'title_es', 'title_pt', 'detail', 'detail_es', 'detail_pt'])
    if (!text(body[key])) out.push(`${key}: ${JSON.stringify(body[key])}`);
  for (const [i, error] of ((body.errors as Json[] | undefined) ?? []).entries()) {
    if (typeof error.code !== 'string') out.push(`errors[${i}] has no code`);
    for (const key of ['message', 'message_es', 'message_pt'])
      if (!text(error[key])) out.push(`errors[${i}].${key}: ${JSON.stringify(error[key])}`);
  }
  return out;
}

describe('every error a user can meet is in the catalog, in English, Spanish and Portuguese', () => {
  test('walks every route with bad ids, empty and broken bodies, no credentials and a viewer', async () => {
    const viewer = await api.member('viewer');
    const failures: string[] = [];
    const codes = new Set<string>();
    let problems = 0;
    for (const route of routes()) {
      const [method, pattern] = route.split(' ') as [string, string];
      const write = method !== 'GET' && method !== 'HEAD';
      const probes: {
        label: string;
        path: string;
        body?: unknown;
        options?: Parameters<ApiHarness['call']>[3];
      }[] = [
        { label: 'unknown id', path: fill(pattern, SOME_ID), body: write ? {} : undefined },
        { label: 'malformed id', path: fill(pattern, 'nope'), body: write ? {} : undefined },
        { label: 'no credentials', path: fill(pattern, SOME_ID), options: { key: null } },
      ];
      if (write)
        probes.push(
          { label: 'broken JSON', path: fill(pattern, SOME_ID), body: '{"name":' },
          {
            label: 'wrong types',
            path: fill(pattern, SOME_ID),
            body: { name: 5, contactIds: 'x', events: 3, email: 1, role: 'boss', config: 2 },
          },
          {
            label: 'a viewer',
            path: fill(pattern, SOME_ID),
            body: {},
            options: { cookie: await api.sessionCookie(viewer.userId) },
          },
        );
      for (const probe of probes) {
        const res = await api.call<Json>(method, probe.path, probe.body, probe.options);
        if (res.status < 400) continue;
        problems += 1;
        const where = `${route} (${probe.label}) → ${res.status}`;
        if (!String(res.headers.get('content-type')).includes('application/problem+json')) {
          failures.push(`${where}: not problem+json`);
          continue;
        }
        codes.add(String(res.body.code));
        for (const gap of missing(res.body)) failures.push(`${where}: ${gap}`);
      }
    }
    const unknown = await api.call<Json>('GET', '/api/no-such-route');
    codes.add(String(unknown.body.code));
    for (const gap of missing(unknown.body)) failures.push(`GET /api/no-such-route: ${gap}`);
    console.log(`error walk: ${problems} problems, codes ${[...codes].sort().join(', ')}`);
    expect(failures).toEqual([]);
    // The walk meets the common problems, so it cannot pass by meeting none.
    expect(problems).toBeGreaterThan(200);
    for (const code of [
      'not_found',
      'invalid_request',
      'invalid_json',
      'not_signed_in',
      'role_required',
      'route_not_found',
    ])
      expect([...codes]).toContain(code);
  });
});
