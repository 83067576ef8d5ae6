import { deliveryFailureReason, messageCost, type Prices, pricesFrom } from '@ruta/engine';
import type { Channel } from '@ruta/shared';
import type { AppDeps } from '../deps';
import { receiveInbound } from '../inbound/inbound';
import { receiveStatus } from '../inbound/message-status';
import { upsertContact } from '../ingest/contacts';
import type { WebhookEvent } from './providers/types';

export interface ProcessOutcome {
  inbound: number;
  statuses: number;
  duplicates: number;
  /** Provider message ids no Ruta message carries (logged; providers retry on errors, so 200). */
  unknownMessageIds: string[];
  routedTo: number;
}

/**
 * Applies a provider's webhook events: replies reach the contact's runs (a number Ruta has never
 * seen becomes a contact), statuses move the message forward. Idempotent: providers redeliver, and
 * a receipt may be replayed.
 */
export async function processWebhookEvents(
  deps: AppDeps,
  channel: { id: string; workspaceId: string; provider: string },
  events: WebhookEvent[],
): Promise<ProcessOutcome> {
  const outcome: ProcessOutcome = {
    inbound: 0,
    statuses: 0,
    duplicates: 0,
    unknownMessageIds: [],
    routedTo: 0,
  };
  let prices: Prices | undefined;
  for (const event of events) {
    if (event.type === 'inbound') {
      const contactId = await contactForSender(
        deps,
        channel.workspaceId,
        event.from,
        event.profileName,
      );
      const result = await receiveInbound(deps, {
        workspaceId: channel.workspaceId,
        contactId,
        channel: event.channel as Channel,
        text: event.text,
        buttonId: event.buttonId,
        provider: channel.provider,
        providerMessageId: event.providerMessageId,
        channelConfigId: channel.id,
        ...(event.replyTo ? { replyToProviderId: event.replyTo } : {}),
      });
      if (result.duplicate) outcome.duplicates += 1;
      else {
        outcome.inbound += 1;
        outcome.routedTo += result.routedTo;
      }
      continue;
    }
    const [message] = await deps.sql<{ id: string; channel: Channel }[]>`
      select id, channel from messages
      where provider = ${channel.provider} and provider_message_id = ${event.providerMessageId}
        and workspace_id = ${channel.workspaceId}
      limit 1`;
    if (!message) {
      outcome.unknownMessageIds.push(event.providerMessageId);
      deps.log.info(
        { channelId: channel.id, providerMessageId: event.providerMessageId, status: event.status },
        'status for a message Ruta did not send (ignored)',
      );
      continue;
    }
    outcome.statuses += 1;
    if (event.pricingCategory && message.channel === 'whatsapp') {
      // What Meta says it billed wins over Ruta's estimate at send time.
      prices ??= await workspacePrices(deps, channel.workspaceId);
      const cost = messageCost(prices, 'whatsapp', {
        pricingCategory: event.pricingCategory,
      });
      await deps.sql`
        update messages set pricing_category = ${event.pricingCategory},
          cost = case when status = 'held_out' then cost else ${cost} end
        where id = ${message.id}`;
    }
    // "sent" only confirms what the send activity already recorded.
    if (event.status === 'sent') continue;
    await receiveStatus(
      deps,
      channel.workspaceId,
      message.id,
      event.status,
      event.error,
      event.status === 'failed'
        ? deliveryFailureReason(channel.provider, event.errorCode)
        : undefined,
    );
  }
  return outcome;
}

async function workspacePrices(deps: AppDeps, workspaceId: string): Promise<Prices> {
  const [workspace] = await deps.sql<{ settings: unknown }[]>`
    select settings from workspaces where id = ${workspaceId}`;
  return pricesFrom(workspace?.settings);
}

async function contactForSender(
  deps: AppDeps,
  workspaceId: string,
  phone: string,
  profileName: string | undefined,
): Promise<string> {
  const [known] = await deps.sql<{ id: string }[]>`
    select id from contacts where workspace_id = ${workspaceId} and phone = ${phone} limit 1`;
  if (known) return known.id;
  const created = await upsertContact(deps.sql, workspaceId, {
    phone,
    ...(profileName ? { firstName: profileName } : {}),
    attributes: { source: 'inbound message' },
  });
  return created.id;
}
