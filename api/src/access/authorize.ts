import { requiredRole, roleAtLeast } from '@ruta/shared';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../deps';
import { problemResponse } from '../http/problem';
import { roleRequired, scopeRequired, undeclaredRoute } from './forbidden';
import { ROUTE_ACCESS, type RouteAccess } from './route-access';

/**
 * The one role check of every private route, after `authenticate`: the route's entry in
 * ROUTE_ACCESS names the permission it needs; the member's role (a `full` API key acts as an
 * admin) must hold it, and an `ingest` key only reaches routes marked for it. A route without an
 * entry is refused (fail closed).
 */
export function authorize(
  table: Record<string, RouteAccess> = ROUTE_ACCESS,
): MiddlewareHandler<AppEnv> {
  return async function authorizeRoute(c, next) {
    const routes = matchedRoutes(c);
    const handler = routes.slice(c.req.routeIndex + 1).find((route) => route.method !== 'ALL');
    if (!handler) return next(); // no such route: the 404 answer follows
    const key = `${handler.method} ${handler.path}`;
    const access = table[key];
    if (!access) {
      c.get('deps').log.error({ route: key }, 'route without an access rule refused');
      return problemResponse(c, undeclaredRoute(key));
    }
    const auth = c.get('auth');
    if (auth.apiKey?.scope === 'ingest' && !access.ingest)
      return problemResponse(c, scopeRequired(access.permission));
    if (!roleAtLeast(auth.role, requiredRole(access.permission)))
      return problemResponse(c, roleRequired(access.permission, auth.role));
    return next();
  };
}
