import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { markDatabaseDown } from './unavailable';

/**
 * While PostgreSQL is down a request answers 503 with Retry-After at once (it does not queue
 * behind the pool's reconnects); a second later one request tries again.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

describe('PostgreSQL down', () => {
  test('requests answer 503 with Retry-After for a second after a failure, then try again', async () => {
    markDatabaseDown(api.sql);
    const refused = await api.call<Record<string, unknown>>('GET', '/api/journeys');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body).toMatchObject({
      code: 'database_unavailable',
      detail_es: expect.any(String),
    });
    // Health still says what is wrong, rather than the short answer.
    expect((await api.call('GET', '/api/health')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await api.call('GET', '/api/journeys')).status).toBe(200);
  });
});
