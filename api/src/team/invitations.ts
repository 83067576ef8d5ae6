import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '@ruta/platform';
import type { Role } from '@ruta/shared';
import { fieldProblem, notFound, problem } from '../http/problem';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** Where the invitee opens the editor's accept page. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/invitations/${token}`;
}

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  invitedBy: { id: string | null; email: string | null };
  createdAt: Date;
  expiresAt: Date;
}

const alreadyMember = (email: string) =>
  problem('already_member', { email }, { errors: [fieldProblem('email', 'already_member', {})] });

/**
 * Invites an email with a role: a pending invitation for the same email is replaced. Only the
 * token's hash is kept; the token goes back once, to build the link.
 */
export async function createInvitation(
  sql: Sql,
  input: { workspaceId: string; email: string; role: Role; invitedBy: string | null },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  const token = newToken();
  return sql.begin(async (tx) => {
    const [member] = await tx`
      select 1 from workspace_members m join users u on u.id = m.user_id
      where m.workspace_id = ${input.workspaceId} and u.email = ${email}`;
    if (member) throw alreadyMember(email);
    await tx`
      update invitations set revoked_at = now()
      where workspace_id = ${input.workspaceId} and lower(email) = ${email}
        and accepted_at is null and revoked_at is null`;
    const [row] = await tx<{ id: string; expires_at: Date }[]>`
      insert into invitations (workspace_id, email, role, token_hash, invited_by, expires_at)
      values (${input.workspaceId}, ${email}, ${input.role}, ${hashToken(token)}, ${input.invitedBy},
              now() + ${`${INVITATION_DAYS} days`}::interval)
      returning id, expires_at`;
    if (!row) throw new Error('invitation not stored');
    return { id: row.id, token, expiresAt: row.expires_at };
  });
}

/** A new link (and a new week) for a pending invitation; the old link stops working. */
export async function renewInvitation(
  sql: Sql,
  workspaceId: string,
  id: string,
  mayInvite: (role: Role) => void,
): Promise<{ id: string; token: string; expiresAt: Date; email: string; role: Role }> {
  const [pending] = await sql<{ role: Role }[]>`
    select role from invitations
    where id = ${id} and workspace_id = ${workspaceId} and accepted_at is null and revoked_at is null`;
  if (!pending) throw notFound('invitation', id);
  mayInvite(pending.role);
  const token = newToken();
  const [row] = await sql<{ expires_at: Date; email: string; role: Role }[]>`
    update invitations set token_hash = ${hashToken(token)},
      expires_at = now() + ${`${INVITATION_DAYS} days`}::interval
    where id = ${id} and workspace_id = ${workspaceId} and accepted_at is null and revoked_at is null
    returning expires_at, email, role`;
  if (!row) throw notFound('invitation', id);
  return { id, token, expiresAt: row.expires_at, email: row.email, role: row.role };
}

export async function cancelInvitation(
  sql: Sql,
  workspaceId: string,
  id: string,
): Promise<{ email: string }> {
  const [row] = await sql<{ email: string }[]>`
    update invitations set revoked_at = now()
    where id = ${id} and workspace_id = ${workspaceId} and accepted_at is null and revoked_at is null
    returning email`;
  if (!row) throw notFound('invitation', id);
  return row;
}

/** Pending invitations (expired ones too, until renewed or cancelled), newest first. */
export async function listInvitations(sql: Sql, workspaceId: string): Promise<InvitationView[]> {
  const rows = await sql<
    {
      id: string;
      email: string;
      role: Role;
      invited_by: string | null;
      inviter_email: string | null;
      created_at: Date;
      expires_at: Date;
    }[]
  >`
    select i.id, i.email, i.role, i.invited_by, u.email as inviter_email, i.created_at, i.expires_at
    from invitations i left join users u on u.id = i.invited_by
    where i.workspace_id = ${workspaceId} and i.accepted_at is null and i.revoked_at is null
    order by i.created_at desc`;
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    invitedBy: { id: r.invited_by, email: r.inviter_email },
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  }));
}

export interface OpenInvitation {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: Role;
  expiresAt: Date;
  /** The email already has a Ruta account: joining takes its password. */
  existingUser: boolean;
}

const invalid = () => problem('invitation_invalid', {});

/** The invitation a link's token opens; 404 unknown or cancelled, 410 used or expired. */
export async function openInvitation(sql: Sql, token: string): Promise<OpenInvitation> {
  const [row] = await sql<
    {
      id: string;
      workspace_id: string;
      workspace_name: string;
      email: string;
      role: Role;
      expires_at: Date;
      accepted_at: Date | null;
      revoked_at: Date | null;
      existing_user: boolean;
    }[]
  >`
    select i.id, i.workspace_id, w.name as workspace_name, i.email, i.role, i.expires_at, i.accepted_at,
           i.revoked_at, exists (select 1 from users u where u.email = i.email) as existing_user
    from invitations i join workspaces w on w.id = i.workspace_id
    where i.token_hash = ${hashToken(token)}`;
  if (!row || row.revoked_at) throw invalid();
  if (row.accepted_at) throw problem('invitation_used', {});
  if (row.expires_at.getTime() <= Date.now())
    throw problem('invitation_expired', { expiredAt: row.expires_at.toISOString() });
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    email: row.email,
    role: row.role,
    expiresAt: row.expires_at,
    existingUser: row.existing_user,
  };
}

/**
 * Makes the user a member with the invitation's role and marks it accepted — once: a second
 * accept of the same link finds it used. The account is the one already checked, or a new one
 * created in the same transaction (a failed join leaves no account behind).
 */
export async function completeInvitation(
  sql: Sql,
  invitation: OpenInvitation,
  account: { userId: string } | { name: string; passwordHash: string },
): Promise<string> {
  return sql.begin(async (tx) => {
    const [pending] = await tx`
      select 1 from invitations
      where id = ${invitation.id} and accepted_at is null and revoked_at is null and expires_at > now()
      for update`;
    if (!pending) throw problem('invitation_changed', {});
    let userId: string;
    if ('userId' in account) userId = account.userId;
    else {
      const [created] = await tx<{ id: string }[]>`
        insert into users (email, name, password_hash)
        values (${invitation.email}, ${account.name}, ${account.passwordHash})
        on conflict (email) do nothing returning id`;
      if (!created) throw problem('account_created_meanwhile', {});
      userId = created.id;
    }
    const joined = await tx`
      insert into workspace_members (workspace_id, user_id, role)
      values (${invitation.workspaceId}, ${userId}, ${invitation.role})
      on conflict do nothing returning 1`;
    if (joined.length === 0) throw alreadyMember(invitation.email);
    await tx`update invitations set accepted_at = now(), accepted_by = ${userId} where id = ${invitation.id}`;
    return userId;
  });
}
