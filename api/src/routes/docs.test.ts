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
  const start = await api.call('GET', '/api/docs/start.js', undefined, { key: null });
  expect(String(start.body)).toContain('/api/openapi.json');
});

test('/api/docs runs only Ruta-served scripts (no CDN: works offline) under a strict CSP', async () => {
  const res = await api.app.request('/api/docs');
  const html = await res.text();
  const csp = res.headers.get('content-security-policy') ?? '';
  const nonce = /property="csp-nonce" content="([^"]+)"/.exec(html)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  expect(html).not.toMatch(/https?:\/\//);
  expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([
    ' src="/api/docs/scalar.js"',
    ' src="/api/docs/start.js"',
  ]);
  const again = await api.app.request('/api/docs');
  expect(again.headers.get('content-security-policy')).not.toBe(csp); // a fresh nonce each time

  const bundle = await api.app.request('/api/docs/scalar.js');
  expect(bundle.status).toBe(200);
  expect(bundle.headers.get('content-type')).toContain('javascript');
  expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
});

test('API answers carry a policy that lets nothing load or run', async () => {
  const res = await api.app.request('/api/openapi.json');
  expect(res.headers.get('content-security-policy')).toBe(
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
});

/** Routes that are not part of the JSON contract: the reference page and the document itself. */
const UNDOCUMENTED = new Set([
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/scalar.js',
  '/api/docs/start.js',
]);

test('every /api route is in the OpenAPI document, and every JSON answer has a real schema', async () => {
  const doc = (
    await api.call<Record<string, any>>('GET', '/api/openapi.json', undefined, { key: null })
  ).body;
  const documented = new Set<string>();
  for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths))
    for (const method of Object.keys(item))
      documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
  const served = api.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !UNDOCUMENTED.has(r.path))
    .map((r) => `${r.method} ${r.path}`);
  expect(served.length).toBeGreaterThan(50);
  expect(served.filter((route) => !documented.has(route))).toEqual([]);

  // An answer typed as "any object" tells a client nothing: each JSON answer names its fields.
  const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
  const resolve = (s: Record<string, any>): Record<string, any> =>
    s.$ref ? resolve(schemas[String(s.$ref).split('/').pop()!]!) : s;
  const opaque: string[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths))
    for (const [method, op] of Object.entries<Record<string, any>>(item))
      for (const [status, answer] of Object.entries<Record<string, any>>(op.responses ?? {})) {
        const schema = answer.content?.['application/json']?.schema;
        if (!schema) continue;
        const top = resolve(schema);
        const body = top.type === 'array' ? resolve(top.items) : top;
        if (body.type === 'object' && !body.properties)
          opaque.push(`${method.toUpperCase()} ${path} ${status}`);
      }
  expect(opaque).toEqual([]);
});
