import type { Sql } from '@ruta/platform';
import { problem } from '../http/problem';

interface Policy {
  /** Failures allowed before the first block. */
  free: number;
  /** The first block; each further failure doubles it, up to `maxSeconds`. */
  firstSeconds: number;
}

/** Per account: 5 failures, then 30 s, 60 s, 120 s… up to 15 min. Per address: 20 failures first. */
export const LOGIN_THROTTLE = {
  account: { free: 5, firstSeconds: 30 } satisfies Policy,
  address: { free: 20, firstSeconds: 30 } satisfies Policy,
  maxSeconds: 15 * 60,
  /** Failures are forgotten after an hour without one. */
  forgetAfter: '1 hour',
};

export interface ThrottleKeys {
  account: string;
  address?: string;
}

export function throttleKeys(email: string, address: string | undefined): ThrottleKeys {
  return {
    account: `account:${email.trim().toLowerCase()}`,
    ...(address ? { address: `address:${address}` } : {}),
  };
}

const keysOf = (keys: ThrottleKeys) => [keys.account, ...(keys.address ? [keys.address] : [])];

/** Seconds until the account and the address may try again; 0 when neither is blocked. */
export async function blockedFor(sql: Sql, keys: ThrottleKeys): Promise<number> {
  const [row] = await sql<{ seconds: number | null }[]>`
    select ceil(extract(epoch from max(blocked_until) - now()))::int as seconds
    from login_throttle where key = any(${keysOf(keys)}) and blocked_until > now()`;
  return Math.max(0, row?.seconds ?? 0);
}

async function fail(sql: Sql, key: string, policy: Policy) {
  const failures = sql`(case when t.last_failure_at < now() - ${LOGIN_THROTTLE.forgetAfter}::interval
                        then 1 else t.failures + 1 end)`;
  const block = (count: typeof failures | number) =>
    sql`now() + make_interval(secs => least(${LOGIN_THROTTLE.maxSeconds},
          ${policy.firstSeconds} * power(2, ${count} - ${policy.free})))`;
  await sql`
    insert into login_throttle as t (key, failures, last_failure_at, blocked_until)
    values (${key}, 1, now(), ${policy.free <= 1 ? block(1) : null})
    on conflict (key) do update set
      failures = ${failures},
      last_failure_at = now(),
      blocked_until = case when ${failures} >= ${policy.free} then ${block(failures)} else t.blocked_until end`;
}

/** A wrong password (or unknown email) from this address for this account. */
export async function recordLoginFailure(sql: Sql, keys: ThrottleKeys): Promise<void> {
  await fail(sql, keys.account, LOGIN_THROTTLE.account);
  if (keys.address) await fail(sql, keys.address, LOGIN_THROTTLE.address);
}

/** A successful sign-in clears the account's failures (the address keeps its count). */
export async function clearAccountFailures(sql: Sql, keys: ThrottleKeys): Promise<void> {
  await sql`delete from login_throttle where key = ${keys.account}`;
}

/** 429 `login_throttled`: how long to wait (also sent as Retry-After). */
export function throttled(seconds: number) {
  return problem('login_throttled', { seconds }, { retryAfter: seconds });
}
