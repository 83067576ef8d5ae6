import type { Sql } from '@ruta/platform';
import {
  type JourneyDefinition,
  type JourneyNode,
  type Localized,
  nodeKinds,
  portLabel,
  TRIGGER_NODE_ID,
  WHATSAPP_WINDOW_MS,
} from '@ruta/shared';
import { type HandoffRow, toSummary } from './store';

const CONVERSATION_LIMIT = 200;

type Channel = 'whatsapp' | 'sms' | 'email' | 'rcs';

interface ConversationRow {
  id: string;
  at: Date;
  direction: 'out' | 'in';
  channel: Channel;
  text: string | null;
  status: string | null;
  button_id: string | null;
  agent: string | null;
  by_agent: boolean;
  journey_name: string | null;
  /** A WhatsApp template's synced body and the params it went with: the words the customer read. */
  template_body: string | null;
  template_params: unknown[] | null;
}

/** A template's body with its {{n}} filled in by the params it was sent with. */
function filledTemplate(body: string, params: readonly unknown[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => {
    const value = params[Number(n) - 1];
    return typeof value === 'string' ? value : whole;
  });
}

/** Every message and reply with the customer on every channel (the newest 200), oldest first. */
async function conversation(sql: Sql, workspaceId: string, contactId: string) {
  const rows = await sql<ConversationRow[]>`
    select * from (
      select m.id, m.created_at as at, 'out' as direction, m.channel,
             coalesce(m.content ->> 'text', m.content ->> 'preview', m.content ->> 'subject',
                      m.content -> 'template' ->> 'name', '') as text,
             m.status, null::text as button_id, coalesce(nullif(u.name, ''), u.email) as agent,
             m.sent_by is not null as by_agent, j.name as journey_name,
             (select t.body from whatsapp_templates t
              where m.format = 'whatsapp_template' and t.workspace_id = m.workspace_id
                and t.name = m.content -> 'template' ->> 'name'
                and t.language = m.content -> 'template' ->> 'language'
              limit 1) as template_body,
             m.content -> 'template' -> 'params' as template_params
      from messages m left join users u on u.id = m.sent_by left join journeys j on j.id = m.journey_id
      where m.contact_id = ${contactId} and m.workspace_id = ${workspaceId}
        and m.status <> 'held_out' and not m.preview
      union all
      select i.id, i.received_at, 'in', i.channel, coalesce(i.text, ''), null, i.button_id, null,
             false, null, null, null
      from inbound_messages i
      where i.contact_id = ${contactId} and i.workspace_id = ${workspaceId}
    ) c order by at desc limit ${CONVERSATION_LIMIT}`;
  return rows.reverse().map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    direction: row.direction,
    channel: row.channel,
    text:
      row.template_body !== null
        ? filledTemplate(
            row.template_body,
            Array.isArray(row.template_params) ? row.template_params : [],
          )
        : (row.text ?? ''),
    by:
      row.direction === 'in'
        ? ('customer' as const)
        : row.by_agent
          ? ('agent' as const)
          : ('journey' as const),
    agent: row.agent,
    status: row.status,
    buttonId: row.button_id,
    journeyName: row.journey_name,
  }));
}

function nodeName(node: JourneyNode | undefined, id: string): Localized {
  if (!node) return { es: id, pt: id, en: id };
  const name = node.name?.trim();
  return name ? { es: name, pt: name, en: name } : nodeKinds[node.type].label;
}

/** The steps the run took, in words: each step's name and the output it left by. */
async function runPath(sql: Sql, runId: string) {
  const [run] = await sql<
    { id: string; status: string; outcome: string | null; definition: JourneyDefinition }[]
  >`
    select r.id, r.status, r.outcome, v.definition
    from runs r join journey_versions v on v.id = r.version_id where r.id = ${runId}`;
  if (!run) return null;
  const steps = await sql<{ node_id: string; port: string | null; at: Date }[]>`
    select node_id, port, at from run_steps
    where run_id = ${runId} and kind = 'took' order by seq`;
  const nodes = run.definition.nodes as Record<string, JourneyNode>;
  return {
    id: run.id,
    status: run.status,
    outcome: run.outcome,
    path: steps.map((step) => {
      const node = nodes[step.node_id];
      const trigger = step.node_id === TRIGGER_NODE_ID;
      return {
        nodeId: step.node_id,
        at: step.at.toISOString(),
        name: trigger
          ? { es: 'Entrada', pt: 'Entrada', en: 'Entry' }
          : nodeName(node, step.node_id),
        port: node && step.port ? portLabel(node, step.port, { nodes }) : null,
      };
    }),
  };
}

/** One conversation as the agent opens it: the customer, the journey's context, everything said. */
export async function handoffDetail(sql: Sql, row: HandoffRow) {
  const [items, notes, run] = await Promise.all([
    conversation(sql, row.workspace_id, row.contact_id),
    sql<{ id: string; body: string; author: string | null; at: Date }[]>`
      select id, body, author_label as author, created_at as at from handoff_notes
      where handoff_id = ${row.id} order by created_at`,
    row.run_id ? runPath(sql, row.run_id) : Promise.resolve(null),
  ]);
  const lastWhatsApp = row.last_inbound_at?.whatsapp
    ? new Date(row.last_inbound_at.whatsapp).getTime()
    : null;
  const closesAt = lastWhatsApp === null ? null : lastWhatsApp + WHATSAPP_WINDOW_MS;
  return {
    ...toSummary(row),
    event: row.context.event ?? null,
    run,
    conversation: items,
    notes: notes.map((n) => ({ id: n.id, body: n.body, author: n.author, at: n.at.toISOString() })),
    window: {
      open: closesAt !== null && closesAt > Date.now(),
      closesAt: closesAt === null ? null : new Date(closesAt).toISOString(),
    },
  };
}
