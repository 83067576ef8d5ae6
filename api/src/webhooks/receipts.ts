import type { Sql } from '@ruta/platform';
import type { AppDeps } from '../deps';
import { type ProcessOutcome, processWebhookEvents } from './process-events';
import { parseTwilioWebhook } from './providers/twilio';
import type { WebhookEvent } from './providers/types';
import { parseWhatsAppWebhook } from './providers/whatsapp';

export type WebhookProvider = 'whatsapp' | 'twilio';

/** A webhook body as the provider sent it → Ruta's events (throws MalformedWebhookError). */
export function parseWebhookBody(provider: WebhookProvider, body: string): WebhookEvent[] {
  if (provider === 'whatsapp') return parseWhatsAppWebhook(JSON.parse(body));
  return parseTwilioWebhook(Object.fromEntries(new URLSearchParams(body)));
}

export interface StoredReceipt {
  id: string;
  workspace_id: string;
  channel_id: string | null;
  provider: WebhookProvider;
  body: string;
}

/** Stores the verified webhook as it came, before anything else happens to it. */
export async function storeReceipt(
  sql: Sql,
  receipt: Omit<StoredReceipt, 'id'> & { contentType: string | undefined },
): Promise<StoredReceipt> {
  const [row] = await sql<StoredReceipt[]>`
    insert into webhook_receipts (workspace_id, channel_id, provider, content_type, body)
    values (${receipt.workspace_id}, ${receipt.channel_id}, ${receipt.provider}, ${receipt.contentType ?? null}, ${receipt.body})
    returning id, workspace_id, channel_id, provider, body`;
  if (!row) throw new Error('webhook receipt not stored');
  return row;
}

/** Processes a stored receipt and records what happened; a failure is kept for replay, not thrown. */
export async function processReceipt(
  deps: AppDeps,
  receipt: StoredReceipt,
  /** Already parsed by the route that stored it; a replay parses the stored body. */
  parsed?: WebhookEvent[],
): Promise<{ ok: true; outcome: ProcessOutcome } | { ok: false; error: string }> {
  try {
    const events = parsed ?? parseWebhookBody(receipt.provider, receipt.body);
    const outcome = await processWebhookEvents(
      deps,
      {
        id: receipt.channel_id ?? '',
        workspaceId: receipt.workspace_id,
        provider: receipt.provider,
      },
      events,
    );
    await deps.sql`
      update webhook_receipts set status = 'processed', outcome = ${deps.sql.json(outcome as never)},
        error = null, processed_at = now()
      where id = ${receipt.id}`;
    return { ok: true, outcome };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.log.error(
      { err: error, receiptId: receipt.id },
      'webhook processing failed; stored for replay',
    );
    await deps.sql`
      update webhook_receipts set status = 'failed', error = ${message}, processed_at = now()
      where id = ${receipt.id}`;
    return { ok: false, error: message };
  }
}

export async function replayReceipt(deps: AppDeps, workspaceId: string, id: string) {
  const [receipt] = await deps.sql<(StoredReceipt & { erased_at: Date | null })[]>`
    select id, workspace_id, channel_id, provider, body, erased_at from webhook_receipts
    where id = ${id} and workspace_id = ${workspaceId}`;
  if (!receipt) return undefined;
  if (receipt.erased_at)
    return {
      id,
      ok: false as const,
      error:
        'The receipt was erased with the contact it named (privacy erasure): nothing to replay.',
    };
  const result = await processReceipt(deps, receipt);
  return { id, ...result };
}

export async function listReceipts(
  sql: Sql,
  workspaceId: string,
  filter: { status?: string; channelId?: string },
) {
  return sql`
    select id, channel_id as "channelId", provider, content_type as "contentType", body, status, outcome, error,
           received_at as "receivedAt", processed_at as "processedAt", erased_at as "erasedAt"
    from webhook_receipts
    where workspace_id = ${workspaceId}
      and (${filter.status ?? null}::text is null or status = ${filter.status ?? null})
      and (${filter.channelId ?? null}::uuid is null or channel_id = ${filter.channelId ?? null})
    order by received_at desc limit 100`;
}
