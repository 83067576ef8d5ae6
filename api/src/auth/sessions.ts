import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '@ruta/platform';

export const SESSION_COOKIE = 'ruta_session';
export const SESSION_DAYS = 30;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  sql: Sql,
  userId: string,
  workspaceId: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await sql`
    insert into sessions (token_hash, user_id, workspace_id, expires_at)
    values (${hash(token)}, ${userId}, ${workspaceId}, now() + ${`${SESSION_DAYS} days`}::interval)`;
  return token;
}

export async function findSession(sql: Sql, token: string) {
  const [row] = await sql<{ user_id: string; workspace_id: string }[]>`
    select user_id, workspace_id from sessions where token_hash = ${hash(token)} and expires_at > now()`;
  return row;
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  await sql`delete from sessions where token_hash = ${hash(token)}`;
}
