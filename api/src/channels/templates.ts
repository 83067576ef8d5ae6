import {
  type ChannelRow,
  createTrackingLinks,
  createWhatsAppProvider,
  fullChannelConfig,
} from '@ruta/engine';
import type { SecretBox, Sql } from '@ruta/platform';
import type { WhatsAppChannelConfig, WhatsAppTemplateInfo } from '@ruta/shared';
import { conflict, ProblemError } from '../http/problem';

/**
 * Reads the WhatsApp account's message templates (with their approval status) and replaces the
 * channel's stored list, so the inspector can offer them.
 */
export async function syncTemplates(
  sql: Sql,
  box: SecretBox | undefined,
  publicUrl: string,
  row: ChannelRow,
): Promise<{ items: WhatsAppTemplateInfo[]; syncedAt: string }> {
  if (row.provider !== 'whatsapp')
    throw conflict(`Channel ${row.id} is a ${row.provider} channel; only WhatsApp has templates.`);
  if (!box)
    throw new ProblemError(503, {
      title: 'Secrets key not configured',
      detail: 'RUTA_SECRETS_KEY is not set, so the channel credentials cannot be read.',
    });
  const config = fullChannelConfig(row, box) as WhatsAppChannelConfig;
  if (!config.businessAccountId)
    throw conflict('Set the WhatsApp Business Account id on the channel to sync its templates.', [
      { path: 'config.businessAccountId', message: 'required to sync templates' },
    ]);
  const provider = createWhatsAppProvider(config, {
    channelId: row.id,
    publicUrl,
    tracking: createTrackingLinks(publicUrl, box),
  });
  let items: WhatsAppTemplateInfo[];
  try {
    items = await provider.listTemplates();
  } catch (error) {
    throw new ProblemError(502, {
      title: 'WhatsApp refused the template list',
      detail: `Meta answered: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const [synced] = await sql.begin(async (tx) => {
    await tx`delete from whatsapp_templates where channel_id = ${row.id}`;
    for (const t of items) {
      await tx`
        insert into whatsapp_templates (channel_id, workspace_id, name, language, status, category, body, param_count, quick_replies)
        values (${row.id}, ${row.workspace_id}, ${t.name}, ${t.language}, ${t.status}, ${t.category}, ${t.body},
                ${t.paramCount}, ${t.quickReplies})
        on conflict (channel_id, name, language) do nothing`;
    }
    return tx<{ at: Date }[]>`
      update channels set templates_synced_at = now() where id = ${row.id} returning templates_synced_at as at`;
  });
  return { items, syncedAt: (synced?.at ?? new Date()).toISOString() };
}

export async function workspaceTemplates(sql: Sql, workspaceId: string) {
  const rows = await sql<
    {
      channel_id: string;
      name: string;
      language: string;
      status: string;
      category: string;
      body: string;
      param_count: number;
      quick_replies: string[];
    }[]
  >`
    select t.* from whatsapp_templates t join channels c on c.id = t.channel_id
    where t.workspace_id = ${workspaceId} order by t.name, t.language`;
  return rows.map((r) => ({
    channelId: r.channel_id,
    name: r.name,
    language: r.language,
    status: r.status,
    category: r.category,
    body: r.body,
    paramCount: r.param_count,
    quickReplies: r.quick_replies,
  }));
}
