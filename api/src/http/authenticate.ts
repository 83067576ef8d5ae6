import { FULL_KEY_ROLE } from '@ruta/shared';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSession, SESSION_COOKIE } from '../auth/sessions';
import type { AppEnv } from '../deps';
import { problemBody, problemResponse } from './problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every private route: a session cookie (the editor) or `Authorization: Bearer <api key>`
 * (integrations). Cookie-authenticated writes must come from Ruta's own origin. A session counts
 * only while its user is a member of its workspace, with the role they have now.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticateRequest(c, next) {
    const { sql, config, apiKeyCache } = c.get('deps');
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const key = match?.[1];
      const identity = key ? await apiKeyCache.lookup(sql, key) : undefined;
      if (!identity) {
        return problemResponse(c, problemBody('invalid_api_key', {}));
      }
      c.set('auth', {
        workspaceId: identity.workspaceId,
        via: 'api_key',
        role: identity.scope === 'full' ? FULL_KEY_ROLE : 'editor',
        apiKey: { id: identity.id, name: identity.name, scope: identity.scope },
      });
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await findSession(sql, token) : undefined;
    if (!session) {
      return problemResponse(c, problemBody('not_signed_in', {}));
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
        return problemResponse(c, problemBody('foreign_origin', { origin }));
      }
    }
    c.set('auth', {
      workspaceId: session.workspace_id,
      via: 'session',
      role: session.role,
      userId: session.user_id,
      email: session.email,
    });
    return next();
  };
}
