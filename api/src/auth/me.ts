import type { Sql } from '@ruta/platform';
import type { AuthContext } from '../deps';

/** Who is signed in, in which workspace, with which role (`GET /api/me`, and after signing in). */
export async function describeMe(
  sql: Sql,
  auth: Pick<AuthContext, 'workspaceId' | 'userId'> & Partial<Pick<AuthContext, 'role' | 'apiKey'>>,
) {
  if (auth.userId) {
    const [row] = await sql<
      {
        id: string;
        email: string;
        name: string;
        locale: string;
        workspace_id: string;
        workspace_name: string;
        role: string;
      }[]
    >`
      select u.id, u.email, u.name, u.locale, w.id as workspace_id, w.name as workspace_name, m.role
      from users u join workspace_members m on m.user_id = u.id join workspaces w on w.id = m.workspace_id
      where u.id = ${auth.userId} and w.id = ${auth.workspaceId}`;
    if (!row) return undefined;
    return {
      user: { id: row.id, email: row.email, name: row.name, locale: row.locale },
      workspace: { id: row.workspace_id, name: row.workspace_name },
      role: row.role,
      apiKey: null,
    };
  }
  const [workspace] = await sql<{ id: string; name: string }[]>`
    select id, name from workspaces where id = ${auth.workspaceId}`;
  return {
    user: null,
    workspace: workspace ?? { id: auth.workspaceId, name: '' },
    role: auth.role ?? null,
    apiKey: auth.apiKey ?? null,
  };
}
