import type { Logger, Sql } from '@ruta/platform';
import type { ApiKeyScope } from '@ruta/shared';
import { hashApiKey } from './api-keys';

/** How long a checked API key is trusted without asking the database again. */
export const API_KEY_CACHE_MS = 30_000;

/** PostgreSQL NOTIFY channel on which a revocation reaches every API process. */
export const API_KEY_REVOKED_CHANNEL = 'ruta_api_key_revoked';

export interface ApiKeyIdentity {
  id: string;
  workspaceId: string;
  name: string;
  scope: ApiKeyScope;
}

/**
 * API keys checked at most every 30 s per key (and `last_used_at` written then): per request, the
 * lookup was one of the handful of queries an ingested event costs (BENCHMARKS.md, #5). A revoked
 * key is evicted at once in the process that revoked it, and in every process that listens for
 * revocations (`listenForRevocations`, which the API process does).
 */
export function createApiKeyCache() {
  const known = new Map<string, { identity: ApiKeyIdentity; until: number }>();
  return {
    async lookup(sql: Sql, key: string): Promise<ApiKeyIdentity | undefined> {
      const hash = hashApiKey(key);
      const cached = known.get(hash);
      if (cached && cached.until > Date.now()) return cached.identity;
      const [row] = await sql<
        { id: string; workspace_id: string; name: string; scope: ApiKeyScope }[]
      >`
        update api_keys set last_used_at = now()
        where key_hash = ${hash} and revoked_at is null
        returning id, workspace_id, name, scope`;
      if (!row) {
        known.delete(hash);
        return undefined;
      }
      const identity = {
        id: row.id,
        workspaceId: row.workspace_id,
        name: row.name,
        scope: row.scope,
      };
      if (known.size > 10_000) known.clear();
      known.set(hash, { identity, until: Date.now() + API_KEY_CACHE_MS });
      return identity;
    },
    /** Forgets a key by its hash (it was revoked). */
    evict(keyHash: string): void {
      known.delete(keyHash);
    },
  };
}

export type ApiKeyCache = ReturnType<typeof createApiKeyCache>;

/** Tells every listening API process that a key is revoked (sent when the transaction commits). */
export async function announceRevocation(sql: Sql, keyHash: string): Promise<void> {
  await sql`select pg_notify(${API_KEY_REVOKED_CHANNEL}, ${keyHash})`;
}

/** Evicts keys revoked by any API process as soon as PostgreSQL tells this one. */
export async function listenForRevocations(
  sql: Sql,
  cache: ApiKeyCache,
  log?: Logger,
): Promise<{ unlisten: () => Promise<void> }> {
  const listening = await sql.listen(
    API_KEY_REVOKED_CHANNEL,
    (keyHash) => cache.evict(keyHash),
    () => log?.debug('listening for API key revocations'),
  );
  return { unlisten: () => listening.unlisten() };
}
