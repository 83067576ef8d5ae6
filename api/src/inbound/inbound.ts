import {
  deliverNow,
  engagementSignal,
  OUTBOX_RETURNING,
  outboxRows,
  type WaitingFor,
} from '@ruta/engine';
import type { Channel } from '@ruta/shared';
import { classifyReply } from '@ruta/shared';
import { type AppDeps, enrollmentTarget } from '../deps';
import { type AnsweredMessage, type CandidateRun, routeReply } from './reply-routing';

export interface Inbound {
  workspaceId: string;
  contactId: string;
  channel: Channel;
  text?: string;
  buttonId?: string;
  provider: string;
  providerMessageId?: string;
  /** The workspace channel it came through (webhooks); the dedupe key is scoped to it. */
  channelConfigId?: string;
  /** Ruta's id of the message answered (the sandbox phone says it, like a provider does). */
  replyTo?: string;
  /** The provider's id of the message answered (WhatsApp `context.id`). */
  replyToProviderId?: string;
}

interface RoutingReads {
  answered: AnsweredMessage | null;
  runs:
    | {
        runId: string;
        workflowId: string;
        waitingFor: WaitingFor | null;
        checkpointAt: string;
        lastMessage: { id: string; at: string; status: string } | null;
      }[]
    | null;
}

/** What the reply routing needs, in one round trip: the message answered and the runs in flight. */
async function readRouting(deps: AppDeps, inbound: Inbound): Promise<RoutingReads> {
  const { sql } = deps;
  const replyTo = inbound.replyTo ?? null;
  const providerId = inbound.replyToProviderId ?? null;
  const [row] = await sql<RoutingReads[]>`
    select
      (select json_build_object('id', m.id, 'runId', m.run_id, 'workflowId', r.workflow_id,
                                'runActive', coalesce(r.status = 'active', false))
       from messages m left join runs r on r.id = m.run_id
       where m.workspace_id = ${inbound.workspaceId} and m.contact_id = ${inbound.contactId}
         and (m.id = ${replyTo}::uuid
              or (${providerId}::text is not null and m.provider = ${inbound.provider}
                  and m.provider_message_id = ${providerId}))
       limit 1) as answered,
      (select json_agg(json_build_object('runId', r.id, 'workflowId', r.workflow_id,
                                         'waitingFor', r.waiting_for, 'checkpointAt', r.updated_at,
                                         'lastMessage', case when lm.id is null then null else
                                           json_build_object('id', lm.id, 'at', lm.created_at, 'status', lm.status) end))
       from runs r
       left join lateral (
         select id, created_at, status from messages m
         where m.run_id = r.id and m.channel = ${inbound.channel} and m.status not in ('held_out', 'failed')
         order by m.created_at desc limit 1) lm on true
       where r.contact_id = ${inbound.contactId} and r.status = 'active') as runs`;
  return row ?? { answered: null, runs: null };
}

/**
 * A reply or button tap from any channel (the sandbox or a provider's webhook): recorded, opens
 * the 24-hour window, withdraws consent on STOP/BAJA/PARAR, and reaches the run that waits for it
 * (reply-routing.ts) through the outbox, in the statement that records it. A redelivered provider
 * message changes nothing.
 */
export async function receiveInbound(deps: AppDeps, inbound: Inbound) {
  const { sql } = deps;
  const intent = inbound.text ? classifyReply(inbound.text) : null;
  const at = new Date().toISOString();
  const optOut = intent === 'opt_out';
  const consent = optOut ? { [inbound.channel]: { granted: false, at, source: 'reply' } } : {};
  const reads = await readRouting(deps, inbound);
  const runs: CandidateRun[] = (reads.runs ?? []).map((run) => ({
    ...run,
    checkpointAt: new Date(run.checkpointAt),
    lastMessage: run.lastMessage ? { ...run.lastMessage, at: new Date(run.lastMessage.at) } : null,
  }));
  const decision = routeReply({
    optOut,
    ...(reads.answered ? { answered: reads.answered } : {}),
    runs,
  });
  const signal = {
    kind: 'reply' as const,
    channel: inbound.channel,
    ...(inbound.text !== undefined ? { text: inbound.text } : {}),
    ...(inbound.buttonId !== undefined ? { buttonId: inbound.buttonId } : {}),
    intent,
    at,
    routedBy: decision.routedBy,
  };
  const targets = decision.targets.map((t) => ({
    run_id: t.runId,
    workflow_id: t.workflowId,
    payload: { ...signal, ...(t.messageId ? { messageId: t.messageId } : {}) },
  }));
  const routedRun = decision.targets.length === 1 ? decision.targets[0]?.runId : undefined;
  // One statement: the reply recorded with where it went, the contact brought up to date (the
  // window opens; an opt-out is on record before any run hears of it, so no send slips through),
  // the message it answers marked, and the signals queued in the outbox.
  const [row] = await sql<{ id: string | null; outbox: Record<string, unknown>[] | null }[]>`
    with inserted as (
      insert into inbound_messages (workspace_id, contact_id, channel, text, button_id, provider,
                                    provider_message_id, intent, channel_config_id, reply_to_message_id,
                                    run_id, routed_by)
      values (${inbound.workspaceId}, ${inbound.contactId}, ${inbound.channel}, ${inbound.text ?? null},
              ${inbound.buttonId ?? null}, ${inbound.provider}, ${inbound.providerMessageId ?? null}, ${intent},
              ${inbound.channelConfigId ?? null}, ${reads.answered?.id ?? null}, ${routedRun ?? null},
              ${decision.routedBy})
      on conflict (workspace_id, coalesce(channel_config_id, '00000000-0000-0000-0000-000000000000'::uuid),
                   provider, provider_message_id) where provider_message_id is not null
      do nothing
      returning id
    ), contact as (
      update contacts set
        last_inbound_at = last_inbound_at || ${sql.json({ [inbound.channel]: at } as never)}::jsonb,
        consent = consent || ${sql.json(consent as never)}::jsonb,
        updated_at = now()
      where id = ${inbound.contactId} and exists (select 1 from inserted)
    ), replied as (
      update messages set replied_at = coalesce(replied_at, now())
      where id = coalesce(${decision.repliedMessageId ?? null}::uuid,
                          (select id from messages where contact_id = ${inbound.contactId} and channel = ${inbound.channel}
                           and status not in ('pending', 'held_out', 'failed') order by created_at desc limit 1))
        and exists (select 1 from inserted)
    ), outbox as (
      insert into signal_outbox (workspace_id, run_id, workflow_id, kind, signal, payload)
      select ${inbound.workspaceId}, t.run_id, t.workflow_id, 'signal', ${engagementSignal.name}::text, t.payload
      from jsonb_to_recordset(${sql.json(targets as never)}) as t(run_id uuid, workflow_id text, payload jsonb)
      where exists (select 1 from inserted)
      returning ${sql.unsafe(OUTBOX_RETURNING)}
    )
    select (select id from inserted) as id, (select json_agg(outbox) from outbox) as outbox`;
  // A provider redelivering the same message: already recorded and routed.
  if (!row?.id) return { id: undefined, intent, optedOut: false, routedTo: 0, duplicate: true };
  await deliverNow({ ...enrollmentTarget(deps), log: deps.log }, outboxRows(row.outbox ?? []));
  return {
    id: row.id,
    intent,
    optedOut: optOut,
    routedTo: decision.targets.length,
    routedBy: decision.routedBy,
    runIds: decision.targets.map((t) => t.runId),
    ...(decision.repliedMessageId ? { messageId: decision.repliedMessageId } : {}),
    ...(decision.note ? { note: decision.note } : {}),
    duplicate: false,
  };
}
