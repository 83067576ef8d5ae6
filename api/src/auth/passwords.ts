import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt minimum (Password Storage Cheat Sheet): N=2^17, r=8, p=1 — 128 MiB, ~0.35 s here. */
export const PASSWORD_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const memoryFor = ({ N, r, p }: ScryptParams) => 128 * N * r * p;
/** A stored hash asking for more memory than this is refused rather than computed. */
const MAX_MEMORY = 256 * 1024 * 1024;

/** New passwords: at least this long (NIST SP 800-63B), at most 200 characters. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * At most two hashes at once per process: each holds 128 MiB while it runs, so a burst of logins
 * queues here instead of taking the API's memory.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, length: number, params: ScryptParams) {
  return limited(() =>
    scryptAsync(password, salt, length, {
      ...params,
      maxmem: memoryFor(params) + 32 * 1024 * 1024,
    }),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(
  password: string,
  params: ScryptParams = PASSWORD_PARAMS,
): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, 32, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    scheme === 'scrypt' &&
    salt &&
    hash &&
    Number.isInteger(params.N) &&
    params.N > 1 &&
    params.r >= 1 &&
    params.p >= 1 &&
    memoryFor(params) <= MAX_MEMORY;
  return sane
    ? { params, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') }
    : undefined;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const actual = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

/** True when the hash was made with weaker parameters than today's (rehash it after a login). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  return (
    memoryFor(parsed.params) < memoryFor(PASSWORD_PARAMS) || parsed.params.N < PASSWORD_PARAMS.N
  );
}

let dummy: Promise<string> | undefined;

/**
 * A hash of nothing anyone knows, at today's parameters: a login for an unknown email verifies
 * against it, so it costs the same time as a wrong password for a known one.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('base64url'));
  return dummy;
}
