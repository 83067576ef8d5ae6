import type { Sql } from '@ruta/platform';
import type { Role } from '@ruta/shared';
import { roleRequired } from '../access/forbidden';
import { endMemberSessions } from '../auth/sessions';
import type { Tx } from '../db';
import { notFound, ProblemError, problem } from '../http/problem';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

export async function listMembers(sql: Sql, workspaceId: string): Promise<MemberView[]> {
  return sql<MemberView[]>`
    select u.id as "userId", u.email, u.name, m.role, m.created_at as "joinedAt"
    from workspace_members m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId}
    order by array_position(array['owner', 'admin', 'editor', 'agent', 'viewer'], m.role), u.email`;
}

const lastOwner = () => problem('last_owner', {});

/**
 * Reads the member under a lock on the workspace (concurrent changes to its owners queue) and
 * checks the rules: only an owner touches the owner role; the last owner stays one.
 */
async function lockedMember(
  tx: Tx,
  workspaceId: string,
  userId: string,
  actorRole: Role,
  newRole: Role | null,
) {
  await tx`select id from workspaces where id = ${workspaceId} for update`;
  const [member] = await tx<{ role: Role; email: string }[]>`
    select m.role, u.email from workspace_members m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId} and m.user_id = ${userId}`;
  if (!member) throw notFound('member', userId);
  if ((member.role === 'owner' || newRole === 'owner') && actorRole !== 'owner')
    throw new ProblemError(roleRequired('workspace.own', actorRole));
  if (member.role === 'owner' && newRole !== 'owner') {
    const [owners] = await tx<{ count: number }[]>`
      select count(*)::int as count from workspace_members
      where workspace_id = ${workspaceId} and role = 'owner'`;
    if ((owners?.count ?? 0) <= 1) throw lastOwner();
  }
  return member;
}

/** Changes a member's role; their sessions in this workspace end (they sign in again). */
export async function changeRole(
  sql: Sql,
  change: { workspaceId: string; userId: string; role: Role; actorRole: Role },
): Promise<{ from: Role; to: Role; email: string; endedSessions: number }> {
  return sql.begin(async (tx) => {
    const member = await lockedMember(
      tx,
      change.workspaceId,
      change.userId,
      change.actorRole,
      change.role,
    );
    if (member.role === change.role)
      return { from: member.role, to: change.role, email: member.email, endedSessions: 0 };
    await tx`
      update workspace_members set role = ${change.role}
      where workspace_id = ${change.workspaceId} and user_id = ${change.userId}`;
    const endedSessions = await endMemberSessions(tx, change.workspaceId, change.userId);
    return { from: member.role, to: change.role, email: member.email, endedSessions };
  });
}

/** Removes a member (the user keeps their account and other workspaces); their sessions here end. */
export async function removeMember(
  sql: Sql,
  removal: { workspaceId: string; userId: string; actorRole: Role },
): Promise<{ role: Role; email: string }> {
  return sql.begin(async (tx) => {
    const member = await lockedMember(
      tx,
      removal.workspaceId,
      removal.userId,
      removal.actorRole,
      null,
    );
    await tx`
      delete from workspace_members where workspace_id = ${removal.workspaceId} and user_id = ${removal.userId}`;
    await endMemberSessions(tx, removal.workspaceId, removal.userId);
    return member;
  });
}
