import {
  type ChannelRow,
  createTrackingLinks,
  createWhatsAppProvider,
  FinalProviderError,
  fullChannelConfig,
  RetryableProviderError,
} from '@ruta/engine';
import { SecretsKeyError, type Sql, STRICT_OUTBOUND } from '@ruta/platform';
import {
  TEMPLATE_SYNC_REASONS,
  type WhatsAppChannelConfig,
  type WhatsAppTemplateInfo,
} from '@ruta/shared';
import type { AppDeps } from '../deps';
import { fieldProblem, type ProblemError, problem } from '../http/problem';

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
    throw problem('not_whatsapp', { channelId: row.id, provider: row.provider });
  if (!box) throw problem('secrets_key_missing', { purpose: 'read' });
  const config = openedConfig(row, box) as WhatsAppChannelConfig;
  if (!config.businessAccountId)
    throw problem(
      'business_account_required',
      {},
      { errors: [fieldProblem('config.businessAccountId', 'business_account_required', {})] },
    );
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
    throw problem(
      'secret_unreadable',
      {},
      {
        errors: row.secret_fields.map((field) =>
          fieldProblem(`config.${field}`, 'secret_unreadable', {}),
        ),
      },
    );
  }
}

function syncFailure(error: unknown, log: AppDeps['log']): ProblemError {
  if (error instanceof FinalProviderError || error instanceof RetryableProviderError) {
    const reason = error instanceof FinalProviderError ? error.reason : 'provider_unavailable';
    const code = (TEMPLATE_SYNC_REASONS as readonly string[]).includes(reason)
      ? (reason as (typeof TEMPLATE_SYNC_REASONS)[number])
      : 'rejected';
    // Ruta's own words for the provider's answer (its status and code, never Meta's text).
    return problem(code, {}, { providerMessage: error.message });
  }
  log.error({ err: error }, 'template sync failed');
  return problem('provider_error', {});
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
