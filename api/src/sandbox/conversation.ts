import type { Sql } from '@ruta/platform';
import { notFound } from '../http/problem';

/** The contact, or a 404 problem when it is not in the workspace. */
export async function sandboxContact(sql: Sql, workspaceId: string, contactId: string) {
  const [contact] = await sql`
    select id, first_name, last_name, phone, email from contacts
    where id = ${contactId} and workspace_id = ${workspaceId}`;
  if (!contact) throw notFound('contact', contactId);
  return contact;
}

/** Messages sent (held-out ones aside) and replies received, oldest first. */
export async function conversation(sql: Sql, workspaceId: string, contactId: string) {
  const contact = await sandboxContact(sql, workspaceId, contactId);
  const outbound = await sql`
    select m.id, m.channel, m.format, m.content, m.status, m.created_at as at, m.sent_at, m.delivered_at, m.read_at,
           m.opened_at, m.clicked_at, m.replied_at, m.node_id, m.run_id, m.preview, j.name as journey_name
    from messages m left join journeys j on j.id = m.journey_id
    where m.contact_id = ${contactId} and m.status <> 'held_out' order by m.created_at`;
  const inbound = await sql`
    select i.id, i.channel, i.text, i.button_id, i.intent, i.received_at as at,
           i.routed_by, i.run_id, i.reply_to_message_id, j.name as journey_name
    from inbound_messages i left join runs r on r.id = i.run_id left join journeys j on j.id = r.journey_id
    where i.contact_id = ${contactId} order by i.received_at`;
  const items: Record<string, unknown>[] = [
    ...outbound.map((m) => ({ direction: 'outbound', ...m })),
    ...inbound.map((m) => ({ direction: 'inbound', ...m })),
  ];
  items.sort((a, b) => new Date(a.at as Date).getTime() - new Date(b.at as Date).getTime());
  return { contact, items };
}
