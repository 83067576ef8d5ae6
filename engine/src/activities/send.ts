import type { Sql } from '@ruta/platform';
import {
  buildTemplateContext,
  type Channel,
  durationMs,
  type FrequencyCap,
  type QuietHours,
  quietHoursEnd,
  type SendContent,
} from '@ruta/shared';
import { FinalProviderError } from '../channels/provider';
import type { ContactSnapshot, TriggerEventSnapshot } from '../workflows/journey/types';
import { activitySignal } from './cancellation';
import { ContactGoneError, type ContactRow, contactRowColumns, toSnapshot } from './contact-row';
import type { ActivityDeps } from './deps';
import { messageCost, pricesFrom } from './pricing';
import { renderMessage } from './render-message';
import { scopedKey } from './run-key';
import { syncedTemplateCategory } from './template-category';

export interface SendRequest {
  runId: string;
  workflowId: string;
  workspaceId: string;
  journeyId: string;
  journeyName: string;
  contactId: string;
  nodeId: string;
  visit: number;
  node: { channel: Channel; fallbackChannels: Channel[]; content: SendContent };
  triggerEvent?: TriggerEventSnapshot;
  holdout: boolean;
  preview: boolean;
  quietHours?: QuietHours;
  frequencyCap?: FrequencyCap;
  /** The journey's clock (compressed in preview). */
  journeyNow: number;
  /** Inbound times the run has seen in signals (may be newer than the database's). */
  lastInboundAt?: Partial<Record<Channel, string>>;
}

export interface SendFailure {
  channel: Channel;
  reason: string;
  message: string;
}

export type SendOutcome = { contact: ContactSnapshot } & (
  | {
      status: 'sent' | 'held_out';
      messageId: string;
      channel: Channel;
      format: string;
      fallbackFrom?: Channel;
      /** Why each channel before the one used could not carry the message. */
      fallbackReasons?: SendFailure[];
    }
  | { status: 'deferred'; reason: 'quiet_hours' | 'frequency_cap'; until: number }
  | { status: 'failed'; reasons: SendFailure[] }
);

const WINDOW_MS = 24 * 3_600_000;
const ADDRESS: Record<Channel, 'phone' | 'email'> = {
  whatsapp: 'phone',
  sms: 'phone',
  rcs: 'phone',
  email: 'email',
};

async function frequencyCapRelease(sql: Sql, contactId: string, cap: FrequencyCap, now: number) {
  const since = new Date(now - durationMs(cap.per));
  const channel = cap.channel === 'all' ? null : cap.channel;
  const recent = await sql<{ sent_at: Date }[]>`
    select sent_at from messages
    where contact_id = ${contactId} and sent_at > ${since} and status in ('sent', 'delivered', 'read')
      and preview = false and (${channel}::text is null or channel = ${channel})
    order by sent_at asc`;
  if (recent.length < cap.max) return undefined;
  const oldest = recent[recent.length - cap.max];
  return (oldest?.sent_at.getTime() ?? now) + durationMs(cap.per);
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

interface KeyHolder {
  id: string;
  key: string;
  run_id: string | null;
  channel: Channel;
  format: string;
  status: string;
}

async function loadSendState(sql: Sql, request: SendRequest, keys: string[]) {
  const [state] = await sql<
    { row: ContactRow | null; settings: unknown; holders: KeyHolder[] | null }[]
  >`
    select
      (select row_to_json(c) from (
         select ${sql(contactRowColumns)} from contacts
         where id = ${request.contactId} and workspace_id = ${request.workspaceId}) c) as row,
      (select settings from workspaces where id = ${request.workspaceId}) as settings,
      (select json_agg(json_build_object('id', id, 'key', idempotency_key, 'run_id', run_id,
                                         'channel', channel, 'format', format, 'status', status))
       from messages where idempotency_key = any(${keys})) as holders`;
  if (!state?.row) throw new ContactGoneError(request.contactId);
  return { row: state.row, settings: state.settings, holders: state.holders ?? [] };
}

export function createSendActivities(deps: ActivityDeps) {
  const { sql } = deps;
  return {
    /**
     * Sends one message: checks quiet hours and the frequency cap (answering "deferred" with the
     * time it may go), then for the channel and each fallback in order: consent, address, the
     * WhatsApp window, rendering, and the provider. Idempotent on workflowId:nodeId:visit.
     */
    async sendMessage(request: SendRequest): Promise<SendOutcome> {
      const channels = [request.node.channel, ...request.node.fallbackChannels];
      const keysOf = (base: string) => channels.map((c, i) => (i === 0 ? base : `${base}:${c}`));
      const plainBase = `${request.workflowId}:${request.nodeId}:${request.visit}`;
      const plainKeys = keysOf(plainBase);
      const scopedKeys = keysOf(scopedKey(plainBase, request.runId));
      // What a send needs to know, in one round trip: the contact, the workspace's prices, and
      // which messages already hold this step's keys (this run's retries, or an earlier run's).
      const { row, settings, holders } = await loadSendState(sql, request, [
        ...plainKeys,
        ...scopedKeys,
      ]);
      const contact = toSnapshot(row);
      const now = request.journeyNow;
      // An earlier run of the same workflow id (re-entry) holds the plain keys: this run's are scoped.
      const scoped = holders.some((m) => plainKeys.includes(m.key) && m.run_id !== request.runId);
      const baseKey = scoped ? scopedKey(plainBase, request.runId) : plainBase;
      const ownKeys = scoped ? scopedKeys : plainKeys;
      const already = holders.find(
        (m) => ownKeys.includes(m.key) && m.status !== 'pending' && m.status !== 'failed',
      );
      if (already) {
        return {
          contact,
          status: already.status === 'held_out' ? 'held_out' : 'sent',
          messageId: already.id,
          channel: already.channel,
          format: already.format,
        };
      }
      if (request.quietHours) {
        const end = quietHoursEnd(new Date(now), contact.timeZone, request.quietHours);
        if (end)
          return { contact, status: 'deferred', reason: 'quiet_hours', until: end.getTime() };
      }
      if (request.frequencyCap && !request.holdout && !request.preview) {
        const release = await frequencyCapRelease(sql, contact.id, request.frequencyCap, now);
        if (release !== undefined) {
          if (request.frequencyCap.whenCapped === 'wait') {
            return { contact, status: 'deferred', reason: 'frequency_cap', until: release };
          }
          return {
            contact,
            status: 'failed',
            reasons: [
              {
                channel: request.node.channel,
                reason: 'frequency_cap',
                message: 'frequency cap reached',
              },
            ],
          };
        }
      }

      const prices = pricesFrom(settings);
      const context = buildTemplateContext({
        contact: { ...contact, timeZone: contact.timeZone },
        event: request.triggerEvent
          ? { name: request.triggerEvent.name, properties: request.triggerEvent.properties }
          : null,
        journey: { name: request.journeyName },
      });
      const reasons: SendFailure[] = [];
      for (const [index, channel] of channels.entries()) {
        const fail = (reason: string, message: string) =>
          reasons.push({ channel, reason, message });
        if (contact.consent[channel] !== true) {
          fail('no_consent', `no ${channel} consent`);
          continue;
        }
        const to = ADDRESS[channel] === 'phone' ? contact.phone : contact.email;
        if (!to) {
          fail('no_address', `the contact has no ${ADDRESS[channel]}`);
          continue;
        }
        const lastInbound = Math.max(
          contact.lastInboundAt.whatsapp ? new Date(contact.lastInboundAt.whatsapp).getTime() : 0,
          request.lastInboundAt?.whatsapp ? new Date(request.lastInboundAt.whatsapp).getTime() : 0,
        );
        const windowOpen = channel === 'whatsapp' && now - lastInbound < WINDOW_MS;
        const rendered = await renderMessage(channel, request.node.content, context, windowOpen);
        if (!rendered.ok) {
          fail(rendered.reason, rendered.message.en);
          continue;
        }
        if (rendered.content.kind === 'whatsapp_template') {
          const category = await syncedTemplateCategory(
            sql,
            request.workspaceId,
            rendered.content.template,
          );
          if (category) rendered.pricingCategory = category;
        }
        const key = index === 0 ? baseKey : `${baseKey}:${channel}`;
        const cost = messageCost(prices, channel, rendered);
        const [message] = await sql<{ id: string; status: string }[]>`
          insert into messages (workspace_id, run_id, journey_id, node_id, contact_id, channel, idempotency_key,
                                provider, format, content, status, in_window, pricing_category, segments, cost, preview)
          values (${request.workspaceId}, ${request.runId}, ${request.journeyId}, ${request.nodeId}, ${contact.id},
                  ${channel}, ${key}, ${request.holdout ? 'holdout' : 'pending'}, ${rendered.format},
                  ${sql.json(rendered.content as never)}, ${request.holdout ? 'held_out' : 'pending'},
                  ${channel === 'whatsapp' ? windowOpen : null}, ${rendered.pricingCategory ?? null},
                  ${rendered.segments ?? null}, ${request.holdout ? 0 : cost}, ${request.preview})
          on conflict (idempotency_key) do update set content = excluded.content
          returning id, status`;
        if (!message) throw new Error(`could not record message ${key}`);
        const fallbackFrom = index > 0 ? request.node.channel : undefined;
        const sentOutcome = (status: 'sent' | 'held_out') => ({
          contact,
          status,
          messageId: message.id,
          channel,
          format: rendered.format,
          ...(fallbackFrom ? { fallbackFrom, fallbackReasons: [...reasons] } : {}),
        });
        if (request.holdout) return sentOutcome('held_out');

        const provider = await deps.providers.providerFor(request.workspaceId, channel, {
          preview: request.preview,
        });
        try {
          const receipt = await provider.send(
            {
              messageId: message.id,
              idempotencyKey: key,
              workspaceId: request.workspaceId,
              channel,
              to,
              format: rendered.format,
              content: rendered.content,
            },
            { signal: activitySignal() },
          );
          await deps.afterProviderAccepted?.(message.id);
          await sql`
            update messages set status = 'sent', provider = ${provider.name},
              channel_config_id = ${provider.channelId ?? null},
              provider_message_id = ${receipt.providerMessageId}, sent_at = coalesce(sent_at, now()),
              segments = coalesce(${receipt.segments ?? null}, segments),
              cost = coalesce(${receipt.cost ?? null}, cost),
              pricing_category = coalesce(${receipt.pricingCategory ?? null}, pricing_category)
            where id = ${message.id} and status = 'pending'`;
          return sentOutcome('sent');
        } catch (error) {
          if (!(error instanceof FinalProviderError)) throw error;
          await sql`
            update messages set status = 'failed', provider = ${provider.name},
              channel_config_id = ${provider.channelId ?? null}, error = ${error.message}, failed_at = now()
            where id = ${message.id}`;
          if (error.reason === 'opted_out') await recordProviderOptOut(sql, contact.id, channel);
          fail(error.reason, error.message);
        }
      }
      return { contact, status: 'failed', reasons };
    },
  };
}
