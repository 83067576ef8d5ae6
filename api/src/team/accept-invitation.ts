import { recordAudit } from '../audit/audit-log';
import {
  blockedFor,
  clearAccountFailures,
  recordLoginFailure,
  throttled,
  throttleKeys,
} from '../auth/login-throttle';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords';
import { createSession, type SessionOrigin } from '../auth/sessions';
import type { AppDeps } from '../deps';
import { fieldProblem, problem } from '../http/problem';
import { completeInvitation, openInvitation } from './invitations';

/**
 * Accepts an invitation: a new email sets its password (and name); an existing account proves
 * its password (throttled like a sign-in) and joins. Either way the member is signed in to the
 * workspace that invited them.
 */
export async function acceptInvitation(
  deps: Pick<AppDeps, 'sql' | 'log'>,
  token: string,
  input: { password: string; name?: string },
  origin: SessionOrigin,
): Promise<{ userId: string; workspaceId: string; token: string }> {
  const { sql } = deps;
  const invitation = await openInvitation(sql, token);
  const [user] = await sql<{ id: string; password_hash: string }[]>`
    select id, password_hash from users where email = ${invitation.email}`;
  let userId: string;
  if (user) {
    const keys = throttleKeys(invitation.email, origin.ip);
    const wait = await blockedFor(sql, keys);
    if (wait > 0) throw throttled(wait);
    if (!(await verifyPassword(input.password, user.password_hash))) {
      await recordLoginFailure(sql, keys);
      throw problem(
        'wrong_password',
        { email: invitation.email },
        { status: 401, errors: [fieldProblem('password', 'wrong_password', { account: true })] },
      );
    }
    await clearAccountFailures(sql, keys);
    userId = await completeInvitation(sql, invitation, { userId: user.id });
  } else {
    if (input.password.length < MIN_PASSWORD_LENGTH)
      throw problem(
        'weak_password',
        { minimum: MIN_PASSWORD_LENGTH },
        {
          errors: [
            fieldProblem('password', 'password_too_short', { minimum: MIN_PASSWORD_LENGTH }),
          ],
        },
      );
    userId = await completeInvitation(sql, invitation, {
      name: input.name?.trim() || invitation.email.split('@')[0] || '',
      passwordHash: await hashPassword(input.password),
    });
  }
  const session = await createSession(sql, userId, invitation.workspaceId, origin);
  await recordAudit(deps, {
    workspaceId: invitation.workspaceId,
    action: 'member.joined',
    actor: { userId, label: invitation.email },
    target: { type: 'member', id: userId, label: invitation.email },
    detail: { role: invitation.role, invitationId: invitation.id },
    ...origin,
  });
  return { userId, workspaceId: invitation.workspaceId, token: session };
}
