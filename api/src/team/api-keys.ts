import type { Sql } from '@ruta/platform';
import type { ApiKeyScope } from '@ruta/shared';
import { announceRevocation } from '../auth/api-key-cache';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../auth/api-keys';
import { notFound } from '../http/problem';

export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters, to recognise it; the key itself is shown only when created. */
  prefix: string;
  scope: ApiKeyScope;
  createdAt: Date;
  createdBy: { id: string | null; email: string | null };
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Every key of the workspace, active ones first, newest first. */
export async function listApiKeys(sql: Sql, workspaceId: string): Promise<ApiKeyView[]> {
  const rows = await sql<
    {
      id: string;
      name: string;
      prefix: string;
      scope: ApiKeyScope;
      created_at: Date;
      created_by: string | null;
      creator_email: string | null;
      last_used_at: Date | null;
      revoked_at: Date | null;
    }[]
  >`
    select k.id, k.name, k.prefix, k.scope, k.created_at, k.created_by, u.email as creator_email,
           k.last_used_at, k.revoked_at
    from api_keys k left join users u on u.id = k.created_by
    where k.workspace_id = ${workspaceId}
    order by k.revoked_at is not null, k.created_at desc`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scope: r.scope,
    createdAt: r.created_at,
    createdBy: { id: r.created_by, email: r.creator_email },
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** A new key; its plaintext is returned this once (only its SHA-256 is kept). */
export async function createApiKey(
  sql: Sql,
  input: { workspaceId: string; name: string; scope: ApiKeyScope; createdBy: string | null },
): Promise<{ id: string; key: string; prefix: string; createdAt: Date }> {
  const key = generateApiKey();
  const [row] = await sql<{ id: string; created_at: Date }[]>`
    insert into api_keys (workspace_id, name, prefix, key_hash, scope, created_by)
    values (${input.workspaceId}, ${input.name}, ${apiKeyPrefix(key)}, ${hashApiKey(key)}, ${input.scope}, ${input.createdBy})
    returning id, created_at`;
  if (!row) throw new Error('API key not stored');
  return { id: row.id, key, prefix: apiKeyPrefix(key), createdAt: row.created_at };
}

/**
 * Revokes a key (already revoked: nothing changes) and tells every API process to forget it; the
 * caller evicts it from its own cache too.
 */
export async function revokeApiKey(
  sql: Sql,
  workspaceId: string,
  id: string,
  revokedBy: string | null,
): Promise<{ keyHash: string; name: string; wasActive: boolean }> {
  const [row] = await sql<{ key_hash: string; name: string; was_active: boolean }[]>`
    update api_keys k set revoked_at = coalesce(k.revoked_at, now()),
      revoked_by = case when k.revoked_at is null then ${revokedBy}::uuid else k.revoked_by end
    from api_keys before
    where k.id = ${id} and k.workspace_id = ${workspaceId} and before.id = k.id
    returning k.key_hash, k.name, before.revoked_at is null as was_active`;
  if (!row) throw notFound('api_key', id);
  await announceRevocation(sql, row.key_hash);
  return { keyHash: row.key_hash, name: row.name, wasActive: row.was_active };
}
