import type { Sql } from '@ruta/platform';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { hashApiKey } from '../auth/api-keys';
import { findSession, SESSION_COOKIE } from '../auth/sessions';
import type { AppEnv } from '../deps';
import { problemResponse } from './problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How long a checked API key is trusted without asking the database again. */
export const API_KEY_CACHE_MS = 30_000;

/**
 * API keys checked at most every 30 s per key (and `last_used_at` written then): per request,
 * the lookup was one of the handful of queries an ingested event costs (BENCHMARKS.md, #5). A key
 * revoked in the database stops working within 30 s.
 */
function apiKeyCache() {
  const known = new Map<string, { workspaceId: string; until: number }>();
  return {
    async lookup(sql: Sql, key: string): Promise<{ workspace_id: string } | undefined> {
      const hash = hashApiKey(key);
      const cached = known.get(hash);
      if (cached && cached.until > Date.now()) return { workspace_id: cached.workspaceId };
      const [row] = await sql<{ workspace_id: string }[]>`
        update api_keys set last_used_at = now()
        where key_hash = ${hash} and revoked_at is null
        returning workspace_id`;
      if (!row) {
        known.delete(hash);
        return undefined;
      }
      if (known.size > 10_000) known.clear();
      known.set(hash, { workspaceId: row.workspace_id, until: Date.now() + API_KEY_CACHE_MS });
      return row;
    },
  };
}

/**
 * Every private route: a session cookie (the editor) or `Authorization: Bearer <api key>`
 * (integrations). Cookie-authenticated writes must come from Ruta's own origin.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  const keys = apiKeyCache();
  return async function authenticateRequest(c, next) {
    const { sql, config } = c.get('deps');
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const key = match?.[1];
      const row = key ? await keys.lookup(sql, key) : undefined;
      if (!row) {
        return problemResponse(c, 401, {
          title: 'Unauthorized',
          detail:
            'The API key is not valid. Send `Authorization: Bearer <key>` with an active workspace key.',
        });
      }
      c.set('auth', { workspaceId: row.workspace_id, via: 'api_key' });
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await findSession(sql, token) : undefined;
    if (!session) {
      return problemResponse(c, 401, {
        title: 'Unauthorized',
        detail:
          'Log in (POST /api/auth/login) or send an API key as `Authorization: Bearer <key>`.',
      });
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const own = new URL(c.req.url).origin;
      if (
        origin &&
        origin !== own &&
        origin !== config.editorOrigin &&
        origin !== new URL(config.publicUrl).origin
      ) {
        return problemResponse(c, 403, {
          title: 'Forbidden',
          detail: `Requests from ${origin} may not use this session.`,
        });
      }
    }
    c.set('auth', { workspaceId: session.workspace_id, userId: session.user_id, via: 'session' });
    return next();
  };
}
