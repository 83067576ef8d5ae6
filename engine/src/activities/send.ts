import type { Sql } from '@ruta/platform';
import {
  buildTemplateContext,
  type Channel,
  durationMs,
  type FrequencyCap,
  type QuietHours,
  quietHoursEnd,
  type SendContent,
  WHATSAPP_WINDOW_MS,
} from '@ruta/shared';
import type { ContactSnapshot, TriggerEventSnapshot } from '../workflows/journey/types';
import { ContactGoneError, type ContactRow, contactRowColumns, toSnapshot } from './contact-row';
import type { ActivityDeps } from './deps';
import { withHeartbeat } from './heartbeat';
import { messageCost, pricesFrom } from './pricing';
import { deliverOnChannel } from './provider-call';
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
  /** A later attempt (the message on this channel failed or went unanswered): try the ones after it. */
  startAfter?: Channel;
  /** When the run started (workflow time): a consent withdrawn since then is final for this send. */
  runStartedAt?: number;
  triggerEvent?: TriggerEventSnapshot;
  holdout: boolean;
  preview: boolean;
  quietHours?: QuietHours;
  frequencyCap?: FrequencyCap;
  /** The journey's clock (compressed in preview). */
  journeyNow: number;
  /** Inbound times the run has seen in signals (may be newer than the database's). */
  lastInboundAt?: Partial<Record<Channel, string>>;
  /** An agent's message from the inbox: sent as written, recorded as theirs. */
  agent?: { handoffId: string; userId: string | null };
}

export interface SendFailure {
  channel: Channel;
  reason: string;
  message: string;
}

export type SendOutcome = { contact: ContactSnapshot } & (
  | {
      /** `unknown`: an earlier attempt's answer was lost and the provider cannot tell; not resent. */
      status: 'sent' | 'held_out' | 'unknown';
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
    {
      row: ContactRow | null;
      settings: unknown;
      holders: KeyHolder[] | null;
      agent_channels: Channel[] | null;
    }[]
  >`
    select
      (select row_to_json(c) from (
         select ${sql(contactRowColumns)} from contacts
         where id = ${request.contactId} and workspace_id = ${request.workspaceId}) c) as row,
      (select settings from workspaces where id = ${request.workspaceId}) as settings,
      (select json_agg(json_build_object('id', id, 'key', idempotency_key, 'run_id', run_id,
                                         'channel', channel, 'format', format, 'status', status))
       from messages where idempotency_key = any(${keys})) as holders,
      (select array_agg(distinct channel) from handoff_tasks
       where contact_id = ${request.contactId} and channel is not null and status = 'assigned')
        as agent_channels`;
  if (!state?.row) throw new ContactGoneError(request.contactId);
  return {
    row: state.row,
    settings: state.settings,
    holders: state.holders ?? [],
    agentChannels: state.agent_channels ?? [],
  };
}

export function createSendActivities(deps: ActivityDeps) {
  return {
    /**
     * Sends one message: checks quiet hours and the frequency cap (answering "deferred" with the
     * time it may go), then for the channel and each fallback in order: consent, address, the
     * WhatsApp window, rendering, and the provider. Idempotent on workflowId:nodeId:visit, and
     * never sends twice when an earlier attempt's answer was lost (provider-call.ts).
     */
    async sendMessage(request: SendRequest): Promise<SendOutcome> {
      return withHeartbeat(() => sendMessage(deps, request));
    },
  };
}

/** A consent withdrawn after the run started (a reply "BAJA", a provider opt-out) is final. */
function withdrawnDuringRun(row: ContactRow, channel: Channel, runStartedAt: number | undefined) {
  if (runStartedAt === undefined) return false;
  const record = row.consent?.[channel] as { granted?: boolean; at?: string } | undefined;
  if (!record || record.granted !== false || !record.at) return false;
  return new Date(record.at).getTime() >= runStartedAt;
}

async function sendMessage(deps: ActivityDeps, request: SendRequest): Promise<SendOutcome> {
  const { sql } = deps;
  const all = [request.node.channel, ...request.node.fallbackChannels];
  const first = request.startAfter ? all.indexOf(request.startAfter) + 1 : 0;
  const channels = all.map((channel, index) => ({ channel, index })).slice(first);
  const keysOf = (base: string) =>
    channels.map(({ channel, index }) => (index === 0 ? base : `${base}:${channel}`));
  const plainBase = `${request.workflowId}:${request.nodeId}:${request.visit}`;
  const plainKeys = keysOf(plainBase);
  const scopedKeys = keysOf(scopedKey(plainBase, request.runId));
  // What a send needs to know, in one round trip: the contact, the workspace's prices, and
  // which messages already hold this step's keys (this run's retries, or an earlier run's).
  const { row, settings, holders, agentChannels } = await loadSendState(sql, request, [
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
      status:
        already.status === 'held_out'
          ? 'held_out'
          : already.status === 'unknown'
            ? 'unknown'
            : 'sent',
      messageId: already.id,
      channel: already.channel,
      format: already.format,
    };
  }
  // A later attempt stops when the customer opted out of a channel already tried (DESIGN §8, #5).
  const optedOut = all
    .slice(0, first)
    .find((channel) => withdrawnDuringRun(row, channel, request.runStartedAt));
  if (optedOut) {
    return {
      contact,
      status: 'failed',
      reasons: [
        {
          channel: optedOut,
          reason: 'opted_out',
          message: `the contact opted out of ${optedOut} during the journey`,
        },
      ],
    };
  }
  if (request.quietHours) {
    const end = quietHoursEnd(new Date(now), contact.timeZone, request.quietHours);
    if (end) return { contact, status: 'deferred', reason: 'quiet_hours', until: end.getTime() };
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
  for (const { channel, index } of channels) {
    const fail = (reason: string, message: string) => reasons.push({ channel, reason, message });
    if (withdrawnDuringRun(row, channel, request.runStartedAt)) {
      // Opted out while this journey ran: no other channel carries what they just refused.
      fail('opted_out', `the contact opted out of ${channel} during the journey`);
      break;
    }
    if (contact.consent[channel] !== true) {
      fail('no_consent', `no ${channel} consent`);
      continue;
    }
    // A person handles this customer here (an agent took the hand-off and has not closed it):
    // journeys do not talk over them. A hand-off still in the queue holds nothing.
    if (agentChannels.includes(channel) && !request.agent) {
      fail('agent_conversation', `a person is handling the conversation on ${channel}`);
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
    const windowOpen = channel === 'whatsapp' && now - lastInbound < WHATSAPP_WINDOW_MS;
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
    const fallbackFrom = index > 0 ? request.node.channel : undefined;
    const outcome = await deliverOnChannel(deps, {
      request,
      contact,
      channel,
      to,
      key: index === 0 ? baseKey : `${baseKey}:${channel}`,
      rendered,
      cost: messageCost(prices, channel, rendered),
      windowOpen,
    });
    if (outcome.status === 'failed') {
      fail(outcome.reason, outcome.message);
      // The provider says the customer opted out: no other channel carries what they refused.
      if (outcome.reason === 'opted_out') break;
      continue;
    }
    if (request.agent) {
      await sql`
        update messages set handoff_id = ${request.agent.handoffId}, sent_by = ${request.agent.userId}
        where id = ${outcome.messageId}`;
    }
    return {
      contact,
      status: outcome.status,
      messageId: outcome.messageId,
      channel,
      format: rendered.format,
      ...(fallbackFrom ? { fallbackFrom, fallbackReasons: [...reasons] } : {}),
    };
  }
  return { contact, status: 'failed', reasons };
}
