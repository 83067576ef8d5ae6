import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../deps';

/**
 * Where a request came from, for login throttling and the audit log: the socket's address, or —
 * behind a proxy Ruta is told to trust (RUTA_TRUST_PROXY) — the address that proxy appended last
 * to `X-Forwarded-For` (the entries before it are whatever the client claimed).
 */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not a socket (app.request in tests)
  }
}

export function userAgent(c: Context): string | undefined {
  return c.req.header('user-agent')?.slice(0, 300);
}
