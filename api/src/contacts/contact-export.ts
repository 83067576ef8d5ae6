import type { Sql } from '@ruta/platform';
import { findContactRow, toContact } from './contact-views';

const camel = (key: string) =>
  key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** A database row as JSON with camelCase keys (what the rest of the API answers). */
function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [camel(key), value]));
}

/**
 * Everything Ruta holds about one contact, for a privacy request (LFPDPPP access, LGPD art. 18):
 * the contact and its consent with every change, its events, its runs with their steps, every
 * message sent to it (as rendered), every message it sent, its hand-off tasks, and what stores
 * and CDPs sent about it (source deliveries).
 */
export async function exportContact(sql: Sql, workspaceId: string, id: string) {
  const contact = toContact(await findContactRow(sql, workspaceId, id));
  const [workspace] = await sql<{ id: string; name: string }[]>`
    select id, name from workspaces where id = ${workspaceId}`;
  const [consentHistory, events, runs, steps, messages, inbound, handoffs, deliveries] =
    await Promise.all([
      sql`select channel, granted, source, actor, record, at from consent_history
        where contact_id = ${id} order by id`,
      sql`select client_event_id as id, name, properties, occurred_at, received_at from events
        where contact_id = ${id} and workspace_id = ${workspaceId} order by occurred_at, id`,
      sql`select r.id, r.journey_id, j.name as journey_name, v.version, r.workflow_id, r.entry_key,
               r.pilot_group, r.preview, r.status, r.outcome, r.current_node, r.waiting_for,
               r.started_at, r.ended_at, r.converted_at
        from runs r join journeys j on j.id = r.journey_id join journey_versions v on v.id = r.version_id
        where r.contact_id = ${id} and r.workspace_id = ${workspaceId} order by r.started_at`,
      sql`select s.run_id, s.seq, s.at, s.node_id, s.kind, s.port, s.detail
        from run_steps s join runs r on r.id = s.run_id
        where r.contact_id = ${id} and r.workspace_id = ${workspaceId} order by s.run_id, s.seq`,
      sql`select id, run_id, journey_id, node_id, channel, provider, provider_message_id, format, content,
               status, error, in_window, pricing_category, segments, cost, preview, created_at, sent_at,
               delivered_at, read_at, opened_at, clicked_at, replied_at, failed_at
        from messages where contact_id = ${id} and workspace_id = ${workspaceId} order by created_at`,
      sql`select id, channel, text, button_id, provider, provider_message_id, intent, received_at
        from inbound_messages where contact_id = ${id} and workspace_id = ${workspaceId} order by received_at`,
      sql`select h.id, h.run_id, h.queue, h.note, h.status, h.result, h.channel, h.context,
               h.created_at, h.first_response_at, h.closed_at,
               coalesce((select json_agg(json_build_object('body', n.body, 'author', n.author_label,
                                                           'at', n.created_at) order by n.created_at)
                         from handoff_notes n where n.handoff_id = h.id), '[]') as notes
        from handoff_tasks h
        where h.contact_id = ${id} and h.workspace_id = ${workspaceId} order by h.created_at`,
      // What stores and CDPs sent about the contact, as they sent it.
      sql`select d.id, s.platform, s.name as source_name, d.topic, d.body, d.received_at
        from source_deliveries d join sources s on s.id = d.source_id
        where d.workspace_id = ${workspaceId} and d.erased_at is null
          and d.outcome -> 'contactIds' ? ${id}
        order by d.received_at`,
    ]);
  const stepsByRun = new Map<string, Record<string, unknown>[]>();
  for (const step of steps) {
    const { run_id: runId, ...rest } = step as Record<string, unknown> & { run_id: string };
    stepsByRun.set(runId, [...(stepsByRun.get(runId) ?? []), camelRow(rest)]);
  }
  return {
    exportedAt: new Date().toISOString(),
    workspace: workspace ?? { id: workspaceId, name: '' },
    contact,
    consentHistory: consentHistory.map(camelRow),
    events: events.map(camelRow),
    runs: runs.map((run) => ({ ...camelRow(run), steps: stepsByRun.get(run.id as string) ?? [] })),
    messages: messages.map(camelRow),
    inboundMessages: inbound.map(camelRow),
    handoffTasks: handoffs.map(camelRow),
    sourceDeliveries: deliveries.map(camelRow),
  };
}
