import { type SecretBox, SecretsKeyError } from '@ruta/platform';
import { ApplicationFailure } from '@temporalio/common';
import { tiendanubeGet } from '../sources/tiendanube-api';
import { activitySignal } from './cancellation';
import type { ActivityDeps } from './deps';

interface SourceRow {
  id: string;
  workspace_id: string;
  config: Record<string, unknown>;
  secrets: string | null;
}

function openSecrets(box: SecretBox | undefined, row: SourceRow): Record<string, string> {
  if (!box || !row.secrets)
    throw ApplicationFailure.nonRetryable(
      'RUTA_SECRETS_KEY is not set: the source token cannot be read',
    );
  try {
    return box.decrypt(row.secrets, {
      workspaceId: row.workspace_id,
      channelId: `source:${row.id}`,
    });
  } catch (error) {
    if (error instanceof SecretsKeyError) throw ApplicationFailure.nonRetryable(error.message);
    throw error;
  }
}

/**
 * Reads a Tiendanube store's abandoned checkouts (GET /checkouts, the only place they exist) and
 * stores each as it came, as a delivery of its source (once per checkout version): the API
 * processes stored deliveries into `checkout_started` events like any webhook (DESIGN §11).
 */
export function createSourcePollActivities(deps: ActivityDeps) {
  return {
    async pollTiendanubeCheckouts(input: {
      sourceId: string;
    }): Promise<{ listed: number; stored: number }> {
      const [row] = await deps.sql<SourceRow[]>`
        select id, workspace_id, config, secrets from sources
        where id = ${input.sourceId} and platform = 'tiendanube'`;
      if (!row) return { listed: 0, stored: 0 };
      const { accessToken } = openSecrets(deps.box, row);
      const storeId = String(row.config.storeId ?? '');
      if (!accessToken || !storeId) return { listed: 0, stored: 0 };
      const answer = await tiendanubeGet({
        baseUrl: deps.tiendanubeApiUrl,
        storeId,
        accessToken,
        path: '/checkouts?per_page=200',
        policy: deps.outbound,
        signal: activitySignal(),
      });
      const checkouts = Array.isArray(answer) ? (answer as Record<string, unknown>[]) : [];
      let stored = 0;
      for (const checkout of checkouts) {
        const version = `checkout:${String(checkout.id)}:${String(checkout.updated_at ?? checkout.created_at ?? '')}`;
        const inserted = await deps.sql`
          insert into source_deliveries (workspace_id, source_id, platform, topic, delivery_id, content_type, body)
          values (${row.workspace_id}, ${row.id}, 'tiendanube', 'checkout', ${version}, 'application/json',
                  ${JSON.stringify(checkout)})
          on conflict (source_id, delivery_id) where delivery_id is not null do nothing
          returning 1`;
        stored += inserted.length;
      }
      deps.log.info(
        { sourceId: row.id, listed: checkouts.length, stored },
        'Tiendanube checkouts read',
      );
      return { listed: checkouts.length, stored };
    },
  };
}
