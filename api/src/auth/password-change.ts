import type { Context } from 'hono';
import type { AppEnv } from '../deps';
import { clientAddress, userAgent } from '../http/client-address';
import { fieldProblem, problem } from '../http/problem';
import {
  blockedFor,
  clearAccountFailures,
  recordLoginFailure,
  throttled,
  throttleKeys,
} from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, endUserSessions } from './sessions';

/**
 * Checks the current password (throttled like a sign-in), stores the new one, ends every session
 * of the user and returns a new session token for the device that asked.
 */
export async function changePassword(
  c: Context<AppEnv>,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<string> {
  const { sql } = c.get('deps');
  const [user] = await sql<{ email: string; password_hash: string }[]>`
    select email, password_hash from users where id = ${userId}`;
  if (!user) throw new Error(`user ${userId} vanished`);
  const origin = { ip: clientAddress(c), userAgent: userAgent(c) };
  const keys = throttleKeys(user.email, origin.ip);
  const wait = await blockedFor(sql, keys);
  if (wait > 0) throw throttled(wait);
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await recordLoginFailure(sql, keys);
    throw problem(
      'wrong_password',
      {},
      { errors: [fieldProblem('currentPassword', 'wrong_password', {})] },
    );
  }
  await clearAccountFailures(sql, keys);
  await sql`update users set password_hash = ${await hashPassword(input.newPassword)} where id = ${userId}`;
  await endUserSessions(sql, userId);
  return createSession(sql, userId, c.get('auth').workspaceId, origin);
}
