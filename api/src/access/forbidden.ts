import { type Permission, type Role, requiredRole } from '@ruta/shared';
import { type Problem, problemBody } from '../http/problem';

/** 403: the caller's role is below what the action needs (the problem names that role). */
export function roleRequired(permission: Permission, current: Role): Problem {
  const needed = requiredRole(permission);
  return problemBody(
    'role_required',
    { permission, requiredRole: needed, currentRole: current },
    { requiredRole: needed, currentRole: current },
  );
}

/** 403: an `ingest` API key called a route outside events, contacts and source webhooks. */
export function scopeRequired(permission: Permission): Problem {
  const needed = requiredRole(permission);
  return problemBody(
    'api_key_scope',
    { permission, requiredRole: needed },
    { requiredRole: needed, requiredScope: 'full' },
  );
}

/** 403: a route nobody declared access for: refused until it is added to ROUTE_ACCESS. */
export function undeclaredRoute(route: string): Problem {
  return problemBody('route_not_declared', { route }, { requiredRole: 'owner' });
}
