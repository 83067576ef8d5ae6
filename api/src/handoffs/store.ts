import type { Sql } from '@ruta/platform';
import { PERMISSIONS, type Role, roleAtLeast } from '@ruta/shared';
import { problem } from '../http/problem';

/** One hand-off as the inbox lists it (joined with its contact, journey and agent). */
export interface HandoffRow {
  id: string;
  workspace_id: string;
  run_id: string | null;
  journey_id: string | null;
  journey_name: string | null;
  node_id: string | null;
  queue: string;
  note: string | null;
  status: 'open' | 'assigned' | 'closed';
  result: 'sold' | 'solved' | 'no_sale' | null;
  channel: 'whatsapp' | 'sms' | 'email' | 'rcs' | null;
  context: {
    event?: { name: string; properties: Record<string, unknown> };
    lastInbound?: {
      channel: 'whatsapp' | 'sms' | 'email' | 'rcs';
      text: string | null;
      buttonId: string | null;
      at: string;
    };
  };
  waits: boolean;
  created_at: Date;
  first_response_at: Date | null;
  closed_at: Date | null;
  contact_id: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  email: string | null;
  last_inbound_at: Record<string, string>;
  assigned_to: string | null;
  assignee_email: string | null;
  assignee_name: string | null;
}

const SELECT = (sql: Sql) => sql`
  select h.id, h.workspace_id, h.run_id, h.journey_id, j.name as journey_name, h.node_id, h.queue,
         h.note, h.status, h.result, h.channel, h.context, h.waits, h.created_at,
         h.first_response_at, h.closed_at, h.contact_id, c.first_name, c.last_name, c.phone, c.email,
         c.last_inbound_at, h.assigned_to, u.email as assignee_email, u.name as assignee_name
  from handoff_tasks h
  join contacts c on c.id = h.contact_id
  left join journeys j on j.id = h.journey_id
  left join users u on u.id = h.assigned_to`;

export function contactName(row: Pick<HandoffRow, 'first_name' | 'last_name' | 'phone' | 'email'>) {
  return [row.first_name, row.last_name].filter(Boolean).join(' ') || row.phone || row.email || '—';
}

export function toSummary(row: HandoffRow, now = Date.now()) {
  const until = row.first_response_at?.getTime() ?? row.closed_at?.getTime() ?? now;
  return {
    id: row.id,
    queue: row.queue,
    status: row.status,
    result: row.result,
    createdAt: row.created_at.toISOString(),
    waitingSeconds: Math.max(0, Math.round((until - row.created_at.getTime()) / 1000)),
    firstResponseAt: row.first_response_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    waitsForAgent: row.waits,
    channel: row.channel,
    note: row.note,
    contact: {
      id: row.contact_id,
      name: contactName(row),
      phone: row.phone,
      email: row.email,
    },
    journey: row.journey_id ? { id: row.journey_id, name: row.journey_name ?? '' } : null,
    assignee: row.assigned_to
      ? { id: row.assigned_to, email: row.assignee_email ?? '', name: row.assignee_name ?? '' }
      : null,
    lastInbound: row.context.lastInbound ?? null,
  };
}

export type HandoffFilter = {
  status: 'active' | 'open' | 'assigned' | 'closed';
  queue?: string;
  assignee?: string;
};

/** The inbox: oldest first while waiting (who waited longest on top), newest first once closed. */
export async function listHandoffs(sql: Sql, workspaceId: string, filter: HandoffFilter) {
  const status =
    filter.status === 'active' ? sql`h.status <> 'closed'` : sql`h.status = ${filter.status}`;
  const rows = await sql<HandoffRow[]>`
    ${SELECT(sql)}
    where h.workspace_id = ${workspaceId} and ${status}
      ${filter.queue ? sql`and h.queue = ${filter.queue}` : sql``}
      ${filter.assignee ? sql`and h.assigned_to = ${filter.assignee}` : sql``}
    order by ${filter.status === 'closed' ? sql`h.closed_at desc` : sql`h.created_at asc`}
    limit 200`;
  const now = Date.now();
  return {
    items: rows.map((row) => toSummary(row, now)),
    ...(await inboxCounts(sql, workspaceId)),
  };
}

/** Open and assigned conversations per queue, and how many nobody took (the navigation badge). */
export async function inboxCounts(sql: Sql, workspaceId: string) {
  const queues = await sql<{ queue: string; open: number; assigned: number }[]>`
    select queue, count(*) filter (where status = 'open')::int as open,
           count(*) filter (where status = 'assigned')::int as assigned
    from handoff_tasks where workspace_id = ${workspaceId} and status <> 'closed'
    group by queue order by queue`;
  return { queues, unassigned: queues.reduce((sum, q) => sum + q.open, 0) };
}

export async function findHandoff(sql: Sql, workspaceId: string, id: string): Promise<HandoffRow> {
  const [row] = await sql<HandoffRow[]>`
    ${SELECT(sql)} where h.id = ${id} and h.workspace_id = ${workspaceId}`;
  if (!row) throw problem('unknown_handoff', {});
  return row;
}

/** A member who may work the inbox (agents and above); the id when they may. */
export async function agentMember(sql: Sql, workspaceId: string, userId: string) {
  const [member] = await sql<{ role: Role }[]>`
    select role from workspace_members where workspace_id = ${workspaceId} and user_id = ${userId}`;
  if (!member || !roleAtLeast(member.role, PERMISSIONS['handoffs.work']))
    throw problem('handoff_not_member', { userId });
  return userId;
}

/** Takes it (or gives it to someone, or back to the queue). Closed ones stay as they are. */
export async function assignHandoff(
  sql: Sql,
  row: HandoffRow,
  assignee: string | null,
): Promise<void> {
  if (row.status === 'closed') throw problem('handoff_closed', { result: row.result });
  await sql`
    update handoff_tasks set assigned_to = ${assignee},
      assigned_at = case when ${assignee}::uuid is null then null else now() end,
      status = case when ${assignee}::uuid is null then 'open' else 'assigned' end
    where id = ${row.id} and status <> 'closed'`;
}

/** Closes it with a result; the caller tells a waiting run (see closeHandoff in reply.ts). */
export async function markClosed(
  sql: Sql,
  row: HandoffRow,
  result: string,
  userId: string | null,
): Promise<boolean> {
  const closed = await sql`
    update handoff_tasks set status = 'closed', result = ${result}, closed_at = now(),
      closed_by = ${userId}, assigned_to = coalesce(assigned_to, ${userId}),
      assigned_at = coalesce(assigned_at, now())
    where id = ${row.id} and status <> 'closed' returning id`;
  return closed.length > 0;
}

export async function addNote(
  sql: Sql,
  handoffId: string,
  author: { id: string | null; label: string | null },
  body: string,
) {
  const [note] = await sql<{ id: string; body: string; author: string | null; at: Date }[]>`
    insert into handoff_notes (handoff_id, author_id, author_label, body)
    values (${handoffId}, ${author.id}, ${author.label}, ${body})
    returning id, body, author_label as author, created_at as at`;
  if (!note) throw new Error('note not written');
  return { id: note.id, body: note.body, author: note.author, at: note.at.toISOString() };
}
