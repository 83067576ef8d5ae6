import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '@ruta/platform';
import type { Role } from '@ruta/shared';
import type { Db } from '../db';

export const SESSION_COOKIE = 'ruta_session';
export const SESSION_DAYS = 30;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionOrigin {
  ip?: string;
  userAgent?: string;
}

export async function createSession(
  sql: Sql,
  userId: string,
  workspaceId: string,
  origin: SessionOrigin = {},
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await sql`
    insert into sessions (token_hash, user_id, workspace_id, expires_at, ip, user_agent)
    values (${hash(token)}, ${userId}, ${workspaceId}, now() + ${`${SESSION_DAYS} days`}::interval,
            ${origin.ip ?? null}, ${origin.userAgent?.slice(0, 300) ?? null})`;
  return token;
}

export interface SessionRow {
  user_id: string;
  workspace_id: string;
  role: Role;
  email: string;
}

/**
 * The session's member as they are now: a session whose user is no longer a member of its
 * workspace is no session (removal also deletes it; this holds even if that was missed).
 */
export async function findSession(sql: Sql, token: string): Promise<SessionRow | undefined> {
  const [row] = await sql<SessionRow[]>`
    select s.user_id, s.workspace_id, m.role, u.email
    from sessions s
    join workspace_members m on m.workspace_id = s.workspace_id and m.user_id = s.user_id
    join users u on u.id = s.user_id
    where s.token_hash = ${hash(token)} and s.expires_at > now()`;
  return row;
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  await sql`delete from sessions where token_hash = ${hash(token)}`;
}

/** Ends a member's sessions in one workspace (removed, or their role changed). */
export async function endMemberSessions(
  sql: Db,
  workspaceId: string,
  userId: string,
): Promise<number> {
  const ended = await sql`
    delete from sessions where workspace_id = ${workspaceId} and user_id = ${userId} returning 1`;
  return ended.length;
}

/** Ends every session of a user, in every workspace (password changed, "log out everywhere"). */
export async function endUserSessions(sql: Sql, userId: string): Promise<number> {
  const ended = await sql`delete from sessions where user_id = ${userId} returning 1`;
  return ended.length;
}
