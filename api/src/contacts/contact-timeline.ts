import type { Sql } from '@ruta/platform';
import { findContactRow } from './contact-views';

export type TimelineKind =
  | 'event'
  | 'message'
  | 'reply'
  | 'consent'
  | 'run_started'
  | 'run_ended'
  | 'handoff'
  | 'handoff_closed';

export interface TimelineItem {
  kind: TimelineKind;
  at: string;
  /** The run it belongs to, and that run's journey. */
  runId: string | null;
  journeyName: string | null;
  /** What happened, by kind: an event's name, a message's channel, status and text… */
  detail: Record<string, unknown>;
}

const LIMIT = 300;

/**
 * One contact's whole story, newest first (seed 004's memory): events, every message sent on every
 * channel (an agent's marked with their name) and every reply, consent given and withdrawn, each
 * run started and ended, and each conversation handed to a person and closed — one
 * statement over the tables that hold them. Messages held out for the holdout were never sent.
 */
export async function contactTimeline(
  sql: Sql,
  workspaceId: string,
  contactId: string,
  before?: string,
): Promise<{ items: TimelineItem[]; nextBefore: string | null }> {
  await findContactRow(sql, workspaceId, contactId);
  const until = before ? sql`and t.at < ${before}::text::timestamptz` : sql``;
  const rows = await sql<
    {
      kind: TimelineKind;
      at: Date;
      run_id: string | null;
      journey_name: string | null;
      detail: Record<string, unknown>;
    }[]
  >`
    select * from (
      select 'event' as kind, e.occurred_at as at, null::uuid as run_id, null::text as journey_name,
             jsonb_build_object('name', e.name, 'properties', e.properties) as detail
      from events e where e.contact_id = ${contactId} and e.workspace_id = ${workspaceId}
      union all
      select 'message', m.created_at, m.run_id, j.name,
             jsonb_build_object('channel', m.channel, 'status', m.status, 'nodeId', m.node_id,
               'text', coalesce(m.content ->> 'text', m.content ->> 'preview', m.content ->> 'subject', ''),
               'preview', m.preview, 'agent', coalesce(nullif(u.name, ''), u.email))
      from messages m left join journeys j on j.id = m.journey_id left join users u on u.id = m.sent_by
      where m.contact_id = ${contactId} and m.workspace_id = ${workspaceId} and m.status <> 'held_out'
      union all
      select 'reply', i.received_at, i.run_id, j.name,
             jsonb_build_object('channel', i.channel, 'text', i.text, 'buttonId', i.button_id,
               'intent', i.intent)
      from inbound_messages i left join runs r on r.id = i.run_id left join journeys j on j.id = r.journey_id
      where i.contact_id = ${contactId} and i.workspace_id = ${workspaceId}
      union all
      select 'consent', c.at, null, null,
             jsonb_build_object('channel', c.channel, 'granted', c.granted, 'source', c.source)
      from consent_history c where c.contact_id = ${contactId}
      union all
      select 'run_started', r.started_at, r.id, j.name,
             jsonb_build_object('group', r.pilot_group, 'preview', r.preview)
      from runs r join journeys j on j.id = r.journey_id
      where r.contact_id = ${contactId} and r.workspace_id = ${workspaceId}
      union all
      select 'run_ended', r.ended_at, r.id, j.name,
             jsonb_build_object('outcome', r.outcome, 'status', r.status, 'nodeId', r.current_node,
               'nodeName', v.definition -> 'nodes' -> r.current_node ->> 'name',
               'converted', r.converted_at is not null, 'preview', r.preview)
      from runs r join journeys j on j.id = r.journey_id join journey_versions v on v.id = r.version_id
      where r.contact_id = ${contactId} and r.workspace_id = ${workspaceId} and r.ended_at is not null
      union all
      select 'handoff', h.created_at, h.run_id, j.name,
             jsonb_build_object('queue', h.queue, 'handoffId', h.id)
      from handoff_tasks h left join journeys j on j.id = h.journey_id
      where h.contact_id = ${contactId} and h.workspace_id = ${workspaceId}
      union all
      select 'handoff_closed', h.closed_at, h.run_id, j.name,
             jsonb_build_object('queue', h.queue, 'handoffId', h.id, 'result', h.result,
               'by', coalesce(nullif(u.name, ''), u.email))
      from handoff_tasks h left join journeys j on j.id = h.journey_id left join users u on u.id = h.closed_by
      where h.contact_id = ${contactId} and h.workspace_id = ${workspaceId} and h.closed_at is not null
    ) t where true ${until}
    order by t.at desc limit ${LIMIT + 1}`;
  const page = rows.slice(0, LIMIT);
  return {
    items: page.map((r) => ({
      kind: r.kind,
      at: r.at.toISOString(),
      runId: r.run_id,
      journeyName: r.journey_name,
      detail: r.detail,
    })),
    nextBefore: rows.length > LIMIT ? (page.at(-1)?.at.toISOString() ?? null) : null,
  };
}
