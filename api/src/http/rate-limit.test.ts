import { Hono } from 'hono';
import { expect, test } from 'vitest';
import type { AppEnv } from '../deps';
import { rateLimit } from './rate-limit';

test('a workspace over its rate gets 429 with Retry-After; another workspace is unaffected', async () => {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('auth', { workspaceId: c.req.header('x-ws') ?? 'a', via: 'api_key', role: 'admin' });
    await next();
  });
  app.use('*', rateLimit({ perSecond: 1, burst: 3 }));
  app.post('/events', (c) => c.text('ok'));
  const send = (ws: string) => app.request('/events', { method: 'POST', headers: { 'x-ws': ws } });
  expect((await Promise.all([send('a'), send('a'), send('a')])).map((r) => r.status)).toEqual([
    200, 200, 200,
  ]);
  const limited = await send('a');
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBe('1');
  expect(limited.headers.get('content-type')).toContain('application/problem+json');
  expect((await send('b')).status).toBe(200);
});
