import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness, TEST_PASSWORD } from '../testing/api-harness';
import { LOGIN_THROTTLE } from './login-throttle';
import { hashPassword, needsRehash, PASSWORD_PARAMS, verifyPassword } from './passwords';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

function login(email: string, password: string, address: string) {
  return api.call<Json>(
    'POST',
    '/api/auth/login',
    { email, password },
    { key: null, headers: { 'x-forwarded-for': address, 'user-agent': 'Vitest/1.0' } },
  );
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe('passwords', () => {
  test('are hashed at OWASP strength (scrypt N=2^17, r=8, p=1); older hashes verify and ask for a rehash', async () => {
    expect(PASSWORD_PARAMS).toEqual({ N: 131_072, r: 8, p: 1 });
    const started = performance.now();
    const stored = await hashPassword('una clave cualquiera');
    const took = performance.now() - started;
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(stored)).toBe(false);
    const old = await hashPassword('una clave cualquiera', { N: 16_384, r: 8, p: 1 });
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword('una clave cualquiera', old)).toBe(true);
    expect(await verifyPassword('otra', old)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999999$8$1$AAAA$AAAA')).toBe(false);
    console.info(`scrypt N=2^17 hash: ${Math.round(took)} ms`);
  });
});

describe('login', () => {
  test('a hash made with the old parameters (N=2^14) is redone at today’s strength on login', async () => {
    const user = await api.member('viewer');
    const old = await hashPassword(TEST_PASSWORD, { N: 16_384, r: 8, p: 1 });
    await api.sql`update users set password_hash = ${old} where id = ${user.userId}`;
    expect((await login(user.email, TEST_PASSWORD, '10.1.0.1')).status).toBe(200);
    const [row] = await api.sql<
      { password_hash: string }[]
    >`select password_hash from users where id = ${user.userId}`;
    expect(row?.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await login(user.email, TEST_PASSWORD, '10.1.0.1')).status).toBe(200);
  });

  test('an unknown email takes as long as a wrong password for a known one', async () => {
    const user = await api.member('viewer');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      let started = performance.now();
      expect((await login(user.email, `mal-${i}`, `10.2.0.${i}`)).status).toBe(401);
      known.push(performance.now() - started);
      started = performance.now();
      const res = await login(`nadie-${i}@tienda.mx`, `mal-${i}`, `10.2.1.${i}`);
      unknown.push(performance.now() - started);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        code: 'wrong_credentials',
        detail: 'Wrong email or password.',
      });
    }
    console.info(
      `login, wrong password: median ${Math.round(median(known))} ms; unknown email: median ${Math.round(median(unknown))} ms`,
    );
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
    expect(median(unknown)).toBeLessThan(median(known) * 1.6);
    expect(median(unknown)).toBeGreaterThan(100);
  });

  test('is throttled per account with backoff: 429, Retry-After, in Spanish and English — even for the right password', async () => {
    const user = await api.member('editor');
    for (let i = 0; i < LOGIN_THROTTLE.account.free; i++)
      expect((await login(user.email, 'no-es', `10.3.0.${i}`)).status).toBe(401);
    const blocked = await login(user.email, TEST_PASSWORD, '10.3.1.1');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_THROTTLE.account.firstSeconds);
    expect(blocked.body).toMatchObject({
      status: 429,
      code: 'login_throttled',
      retryAfter,
      detail: expect.stringContaining('try again'),
      detail_es: expect.stringContaining('vuelve a intentarlo'),
    });
    // Past the block, one more failure blocks twice as long.
    await api.sql`update login_throttle set blocked_until = now() - interval '1 second' where key = ${`account:${user.email}`}`;
    expect((await login(user.email, 'otra vez no', '10.3.2.1')).status).toBe(401);
    const longer = await login(user.email, TEST_PASSWORD, '10.3.2.2');
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get('retry-after'))).toBeGreaterThan(
      LOGIN_THROTTLE.account.firstSeconds,
    );
    // Once the block is over, the right password works and clears the count.
    await api.sql`update login_throttle set blocked_until = now() - interval '1 second' where key = ${`account:${user.email}`}`;
    expect((await login(user.email, TEST_PASSWORD, '10.3.3.1')).status).toBe(200);
    const [row] =
      await api.sql`select 1 from login_throttle where key = ${`account:${user.email}`}`;
    expect(row).toBeUndefined();
  });

  test('is throttled per address: many accounts tried from one address block that address only', async () => {
    const user = await api.member('viewer');
    await api.sql`
      insert into login_throttle (key, failures, last_failure_at)
      values ('address:10.4.0.1', ${LOGIN_THROTTLE.address.free - 1}, now())`;
    expect((await login('alguien@tienda.mx', 'mal', '10.4.0.1')).status).toBe(401);
    const blocked = await login(user.email, TEST_PASSWORD, '10.4.0.1');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
    expect((await login(user.email, TEST_PASSWORD, '10.4.0.2')).status).toBe(200);
  });
});
