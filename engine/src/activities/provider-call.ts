import type { Sql } from '@ruta/platform';
import type { Channel } from '@ruta/shared';
import {
  type ChannelProvider,
  FinalProviderError,
  type OutboundMessage,
  RetryableProviderError,
  type SendReceipt,
} from '../channels/provider';
import type { ContactSnapshot } from '../workflows/journey/types';
import { activitySignal } from './cancellation';
import type { ActivityDeps } from './deps';
import type { RenderOutcome } from './render-message';
import type { SendRequest } from './send';

export interface ChannelDelivery {
  request: SendRequest;
  contact: ContactSnapshot;
  channel: Channel;
  to: string;
  /** The message's idempotency key: unique in `messages`, the same on every retry. */
  key: string;
  rendered: Extract<RenderOutcome, { ok: true }>;
  cost: number;
  windowOpen: boolean;
}

export type ChannelOutcome =
  | { status: 'sent' | 'held_out' | 'unknown'; messageId: string }
  | { status: 'failed'; reason: string; message: string };

interface MessageRow {
  id: string;
  status: string;
  created_at: Date;
  earlier_status: string | null;
  earlier_call: string | null;
  earlier_error: string | null;
}

/**
 * Records one message and hands it to the channel's provider, at most once per idempotency key:
 * the row says a provider call was `started` before the call begins, so an attempt that finds an
 * earlier one started and never answered (the worker died, the answer was lost) looks the message
 * up at the provider instead of sending it again — and, where the provider cannot tell, records
 * the outcome as `unknown` and does not resend (DESIGN §8.4). A final failure is final: a retried
 * activity does not ask the provider again for the same key.
 */
export async function deliverOnChannel(
  deps: ActivityDeps,
  delivery: ChannelDelivery,
): Promise<ChannelOutcome> {
  const { sql } = deps;
  const { request, channel, rendered } = delivery;
  const provider = request.holdout
    ? undefined
    : await deps.providers.providerFor(request.workspaceId, channel, {
        preview: request.preview,
      });
  const message = await recordMessage(sql, delivery);
  if (!provider) return { status: 'held_out', messageId: message.id };
  if (message.earlier_status === 'failed') {
    return {
      status: 'failed',
      reason: 'failed_before',
      message: message.earlier_error ?? 'an earlier attempt failed',
    };
  }
  const outbound: OutboundMessage = {
    messageId: message.id,
    idempotencyKey: delivery.key,
    workspaceId: request.workspaceId,
    channel,
    to: delivery.to,
    format: rendered.format,
    content: rendered.content,
  };
  if (message.earlier_status === 'pending' && message.earlier_call === 'started') {
    const found = provider.lookup
      ? await provider.lookup(outbound, message.created_at, { signal: activitySignal() })
      : ({ found: 'unknown' } as const);
    if (found.found === true) {
      await recordSent(sql, provider, message.id, found.receipt);
      return { status: 'sent', messageId: message.id };
    }
    if (found.found === 'unknown') {
      await sql`
        update messages set status = 'unknown', provider = ${provider.name},
          channel_config_id = ${provider.channelId ?? null},
          error = ${`an earlier attempt's answer from ${provider.name} was lost; not sent again to avoid a duplicate`}
        where id = ${message.id} and status = 'pending'`;
      return { status: 'unknown', messageId: message.id };
    }
    // The provider has no such message: sending it now cannot duplicate it.
  }
  try {
    const receipt = await provider.send(outbound, { signal: activitySignal() });
    await deps.afterProviderAccepted?.(message.id);
    await recordSent(sql, provider, message.id, receipt);
    return { status: 'sent', messageId: message.id };
  } catch (error) {
    if (error instanceof FinalProviderError) {
      await sql`
        update messages set status = 'failed', provider = ${provider.name}, provider_call = null,
          channel_config_id = ${provider.channelId ?? null}, error = ${error.message}, failed_at = now()
        where id = ${message.id}`;
      if (error.reason === 'opted_out')
        await recordProviderOptOut(sql, delivery.contact.id, channel);
      return { status: 'failed', reason: error.reason, message: error.message };
    }
    if (error instanceof RetryableProviderError && error.outcome === 'refused') {
      // Surely not taken: the retry may send it.
      await sql`update messages set provider_call = 'refused' where id = ${message.id} and status = 'pending'`;
    }
    throw error;
  }
}

/**
 * Inserts the message (or finds this key's row from an earlier attempt) and marks a provider
 * call as started, answering what the earlier attempt left: one statement.
 */
async function recordMessage(sql: Sql, delivery: ChannelDelivery): Promise<MessageRow> {
  const { request, contact, channel, key, rendered } = delivery;
  const holdout = request.holdout;
  const [message] = await sql<MessageRow[]>`
    with earlier as (
      select status, provider_call, error from messages where idempotency_key = ${key}
    )
    insert into messages (workspace_id, run_id, journey_id, node_id, contact_id, channel, idempotency_key,
                          provider, format, content, status, in_window, pricing_category, segments, cost,
                          preview, provider_call)
    values (${request.workspaceId}, ${request.runId}, ${request.journeyId}, ${request.nodeId}, ${contact.id},
            ${channel}, ${key}, ${holdout ? 'holdout' : 'pending'}, ${rendered.format},
            ${sql.json(rendered.content as never)}, ${holdout ? 'held_out' : 'pending'},
            ${channel === 'whatsapp' ? delivery.windowOpen : null}, ${rendered.pricingCategory ?? null},
            ${rendered.segments ?? null}, ${holdout ? 0 : delivery.cost}, ${request.preview},
            ${holdout ? null : 'started'})
    on conflict (idempotency_key) do update set content = excluded.content,
      provider_call = case when messages.status = 'pending' then 'started' else messages.provider_call end
    returning id, status, created_at,
      (select status from earlier) as earlier_status,
      (select provider_call from earlier) as earlier_call,
      (select error from earlier) as earlier_error`;
  if (!message) throw new Error(`could not record message ${key}`);
  return message;
}

async function recordSent(
  sql: Sql,
  provider: ChannelProvider,
  messageId: string,
  receipt: SendReceipt,
): Promise<void> {
  await sql`
    update messages set status = 'sent', provider = ${provider.name}, provider_call = null,
      channel_config_id = ${provider.channelId ?? null},
      provider_message_id = ${receipt.providerMessageId}, sent_at = coalesce(sent_at, now()),
      segments = coalesce(${receipt.segments ?? null}, segments),
      cost = coalesce(${receipt.cost ?? null}, cost),
      pricing_category = coalesce(${receipt.pricingCategory ?? null}, pricing_category)
    where id = ${messageId} and status in ('pending', 'unknown')`;
}

/** The provider says the person opted out (e.g. STOP at the carrier): stop asking it to send. */
async function recordProviderOptOut(sql: Sql, contactId: string, channel: Channel) {
  const consent = {
    [channel]: { granted: false, at: new Date().toISOString(), source: 'provider' },
  };
  await sql`
    update contacts set consent = consent || ${sql.json(consent as never)}::jsonb, updated_at = now()
    where id = ${contactId}`;
}
