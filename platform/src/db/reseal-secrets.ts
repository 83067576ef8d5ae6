import type { Logger } from '../logger';
import { SEALED_VERSION, type SecretBox, sealedVersion } from '../secrets';
import type { Sql } from './client';

/**
 * One-time step after migrations (SQL cannot re-seal without the key): channel secrets sealed in
 * the old format (`v1`: no owner bound) are re-sealed as `v2`, bound to their workspace and
 * channel. Idempotent: only old rows are touched, one transaction, rows locked, so API instances
 * starting together do it once. A value that does not open stays as it is (and is logged): the
 * key is wrong, and re-sealing cannot help.
 */
export async function resealChannelSecrets(
  sql: Sql,
  box: SecretBox,
  log?: Logger,
): Promise<{ resealed: number; failed: number }> {
  return sql.begin(async (tx) => {
    const rows = await tx<{ id: string; workspace_id: string; secrets: string }[]>`
      select id, workspace_id, secrets from channels
      where secrets is not null and secrets not like ${`${SEALED_VERSION}.%`}
      for update`;
    let resealed = 0;
    let failed = 0;
    for (const row of rows) {
      if (sealedVersion(row.secrets) !== 'v1') continue;
      let plain: Record<string, string>;
      try {
        plain = box.openLegacy(row.secrets);
      } catch {
        failed++;
        log?.error({ channelId: row.id }, 'channel secrets could not be opened to re-seal them');
        continue;
      }
      const sealed = box.encrypt(plain, { workspaceId: row.workspace_id, channelId: row.id });
      await tx`update channels set secrets = ${sealed} where id = ${row.id}`;
      resealed++;
    }
    if (resealed > 0)
      log?.info({ resealed }, 'channel secrets re-sealed (v2: bound to their channel)');
    return { resealed, failed };
  });
}
