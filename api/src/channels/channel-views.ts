import type { ChannelRow } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { twilioWebhookUrl } from '../webhooks/providers/twilio';
import { whatsappWebhookUrl } from '../webhooks/providers/whatsapp';
import type { ChannelView } from './channel-schemas';

export function channelView(row: ChannelRow, publicUrl: string): ChannelView {
  return {
    id: row.id,
    provider: row.provider,
    name: row.name,
    config: row.config,
    secretsSet: row.secret_fields,
    carries: row.carries,
    webhookUrl:
      row.provider === 'whatsapp'
        ? whatsappWebhookUrl(publicUrl, row.id)
        : row.provider === 'twilio'
          ? twilioWebhookUrl(publicUrl, row.id)
          : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    templatesSyncedAt: row.templates_synced_at?.toISOString() ?? null,
  };
}

export async function listChannels(sql: Sql, workspaceId: string) {
  return sql<ChannelRow[]>`
    select * from channels where workspace_id = ${workspaceId} order by created_at desc`;
}

export async function findChannel(sql: Sql, workspaceId: string, id: string) {
  const [row] = await sql<ChannelRow[]>`
    select * from channels where id = ${id} and workspace_id = ${workspaceId}`;
  return row;
}
