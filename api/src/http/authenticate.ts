import { FULL_KEY_ROLE } from '@ruta/shared';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSession, SESSION_COOKIE } from '../auth/sessions';
import type { AppEnv } from '../deps';
import { problemResponse } from './problem';

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
        return problemResponse(c, 401, {
          title: 'Unauthorized',
          title_es: 'Sin autenticar',
          code: 'invalid_api_key',
          detail:
            'The API key is not valid. Send `Authorization: Bearer <key>` with an active workspace key.',
          detail_es:
            'La clave de API no es válida. Envía `Authorization: Bearer <clave>` con una clave activa del espacio de trabajo.',
        });
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
      return problemResponse(c, 401, {
        title: 'Unauthorized',
        title_es: 'Sin autenticar',
        code: 'not_signed_in',
        detail:
          'Log in (POST /api/auth/login) or send an API key as `Authorization: Bearer <key>`.',
        detail_es:
          'Inicia sesión (POST /api/auth/login) o envía una clave de API como `Authorization: Bearer <clave>`.',
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
          title_es: 'Sin permiso',
          code: 'foreign_origin',
          detail: `Requests from ${origin} may not use this session.`,
          detail_es: `Las solicitudes desde ${origin} no pueden usar esta sesión.`,
        });
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
