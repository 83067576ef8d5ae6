import {
  type ChannelRow,
  createTrackingLinks,
  createWhatsAppProvider,
  FinalProviderError,
  fullChannelConfig,
  RetryableProviderError,
} from '@ruta/engine';
import { SecretsKeyError, type Sql, STRICT_OUTBOUND } from '@ruta/platform';
import type { WhatsAppChannelConfig, WhatsAppTemplateInfo } from '@ruta/shared';
import type { AppDeps } from '../deps';
import { conflict, ProblemError } from '../http/problem';

/**
 * Reads the WhatsApp account's message templates (with their approval status) and replaces the
 * channel's stored list, so the inspector can offer them. The Graph API is reached at the server's
 * address (RUTA_WHATSAPP_API_URL or the official host) through the outbound guard; what Meta
 * answered goes to the server log, the tenant gets Ruta's words and a stable code.
 */
export async function syncTemplates(
  { sql, secrets: box, config: settings, log }: AppDeps,
  row: ChannelRow,
  signal?: AbortSignal,
): Promise<{ items: WhatsAppTemplateInfo[]; syncedAt: string }> {
  const { publicUrl } = settings;
  if (row.provider !== 'whatsapp')
    throw conflict(`Channel ${row.id} is a ${row.provider} channel; only WhatsApp has templates.`);
  if (!box)
    throw new ProblemError(503, {
      title: 'Secrets key not configured',
      detail: 'RUTA_SECRETS_KEY is not set, so the channel credentials cannot be read.',
    });
  const config = openedConfig(row, box) as WhatsAppChannelConfig;
  if (!config.businessAccountId)
    throw conflict('Set the WhatsApp Business Account id on the channel to sync its templates.', [
      { path: 'config.businessAccountId', message: 'required to sync templates' },
    ]);
  const provider = createWhatsAppProvider(config, {
    channelId: row.id,
    publicUrl,
    tracking: createTrackingLinks(publicUrl, box),
    apiBaseUrl: settings.providerApiUrls?.whatsapp,
    outbound: settings.outbound ?? STRICT_OUTBOUND,
    log,
  });
  let items: WhatsAppTemplateInfo[];
  try {
    items = await provider.listTemplates({ signal });
  } catch (error) {
    throw syncFailure(error, log);
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

/** The channel's config with its secrets, or a 409 saying to enter them again. */
export function openedConfig(row: ChannelRow, box: Parameters<typeof fullChannelConfig>[1]) {
  try {
    return fullChannelConfig(row, box);
  } catch (error) {
    if (!(error instanceof SecretsKeyError)) throw error;
    throw conflict(
      "The channel's saved credentials cannot be opened: they were sealed for another channel or under another RUTA_SECRETS_KEY. Enter them again.",
      row.secret_fields.map((field) => ({
        path: `config.${field}`,
        code: 'secret_unreadable',
        message: 'Enter this credential again.',
        message_es: 'Escribe de nuevo esta credencial.',
      })),
    );
  }
}

function syncFailure(error: unknown, log: AppDeps['log']): ProblemError {
  if (error instanceof FinalProviderError || error instanceof RetryableProviderError) {
    const code = error instanceof FinalProviderError ? error.reason : 'provider_unavailable';
    return new ProblemError(502, {
      title: 'WhatsApp did not give the template list',
      detail: error.message,
      code,
    });
  }
  log.error({ err: error }, 'template sync failed');
  return new ProblemError(502, {
    title: 'WhatsApp did not give the template list',
    detail: 'The WhatsApp Cloud API could not be read; the server log has the details.',
    code: 'provider_error',
  });
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
