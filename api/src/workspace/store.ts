import { pricesFrom } from '@ruta/engine';
import type { Sql } from '@ruta/platform';

/** The SQL of the workspace resource: its name and its prices per message. */

export async function loadWorkspace(sql: Sql, workspaceId: string) {
  const [row] = await sql<{ id: string; name: string; settings: unknown; created_at: Date }[]>`
    select id, name, settings, created_at from workspaces where id = ${workspaceId}`;
  if (!row) throw new Error('the workspace of this request is gone');
  return {
    id: row.id,
    name: row.name,
    prices: pricesFrom(row.settings),
    createdAt: row.created_at.toISOString(),
  };
}

export async function renameWorkspace(sql: Sql, workspaceId: string, name: string) {
  await sql`update workspaces set name = ${name} where id = ${workspaceId}`;
}

export async function savePrices(sql: Sql, workspaceId: string, prices: unknown) {
  await sql`
    update workspaces set settings = settings || ${sql.json({ prices } as never)}::jsonb
    where id = ${workspaceId}`;
}

export async function workspaceName(sql: Sql, workspaceId: string): Promise<string> {
  const [row] = await sql<
    { name: string }[]
  >`select name from workspaces where id = ${workspaceId}`;
  return row?.name ?? '';
}
