import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { hashApiKey } from '../auth/api-keys';
import { findSession, SESSION_COOKIE } from '../auth/sessions';
import type { AppEnv } from '../deps';
import { problemResponse } from './problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every private route: a session cookie (the editor) or `Authorization: Bearer <api key>`
 * (integrations). Cookie-authenticated writes must come from Ruta's own origin.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticateRequest(c, next) {
    const { sql, config } = c.get('deps');
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const key = match?.[1];
      // last_used_at is written at most once a minute per key: every request updating the same
      // row serialized all of a workspace's requests on its lock (BENCHMARKS.md, #5).
      const [row] = key
        ? await sql<{ id: string; workspace_id: string }[]>`
            with found as (
              select id, workspace_id, last_used_at from api_keys
              where key_hash = ${hashApiKey(key)} and revoked_at is null
            ), touched as (
              update api_keys set last_used_at = now()
              where id in (select id from found
                           where last_used_at is null or last_used_at < now() - interval '1 minute')
            )
            select id, workspace_id from found`
        : [];
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
