import type { Sql } from '@ruta/platform';
import type { Tx } from '../db';

/** What can name a contact outside the rows that go with it: its phone, email and message ids. */
export interface ContactTraces {
  contactId: string;
  messageIds: string[];
  recipients: string[];
  /** Substrings that identify the contact in a raw provider webhook body. */
  needles: string[];
}

function phoneNeedles(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  // WhatsApp has written Mexican mobiles both with and without the old "1" after 52.
  const mexico = /^521\d{10}$/.test(digits) ? [`52${digits.slice(3)}`] : [];
  return [digits, ...mexico];
}

function emailNeedles(email: string): string[] {
  const lower = email.toLowerCase();
  return [lower, encodeURIComponent(lower).toLowerCase()];
}

/** Read before the contact goes (afterwards nothing links these to it). */
export async function collectTraces(
  sql: Sql,
  workspaceId: string,
  contactId: string,
): Promise<ContactTraces> {
  const [contact] = await sql<{ phone: string | null; email: string | null }[]>`
    select phone, email from contacts where id = ${contactId} and workspace_id = ${workspaceId}`;
  const messages = await sql<{ id: string; provider_message_id: string | null }[]>`
    select id, provider_message_id from messages where contact_id = ${contactId}`;
  const inbound = await sql<{ provider_message_id: string }[]>`
    select provider_message_id from inbound_messages
    where contact_id = ${contactId} and provider_message_id is not null`;
  const providerIds = [
    ...messages.map((m) => m.provider_message_id),
    ...inbound.map((m) => m.provider_message_id),
  ].filter((id): id is string => Boolean(id));
  const needles = [
    ...(contact?.phone ? phoneNeedles(contact.phone) : []),
    ...(contact?.email ? emailNeedles(contact.email) : []),
    ...providerIds.map((id) => id.toLowerCase()),
  ].filter((needle) => needle.length >= 6);
  return {
    contactId,
    messageIds: messages.map((m) => m.id),
    recipients: [contact?.phone, contact?.email].filter((r): r is string => Boolean(r)),
    needles: [...new Set(needles)],
  };
}

/**
 * Erases what the contact's rows do not take with them: what the sandbox delivered to it, and the
 * raw provider webhooks and source deliveries that name it (their body, outcome and error are cleared; the row stays,
 * marked erased, and can no longer be replayed).
 */
export async function scrubTraces(
  tx: Tx,
  workspaceId: string,
  traces: ContactTraces,
): Promise<{ sandboxDeliveries: number; webhookReceipts: number; sourceDeliveries: number }> {
  const deliveries = await tx`
    delete from sandbox_deliveries
    where workspace_id = ${workspaceId}
      and (message_id = any(${traces.messageIds}::uuid[]) or recipient = any(${traces.recipients}::text[]))
    returning 1`;
  const receipts =
    traces.needles.length === 0
      ? []
      : await tx`
          update webhook_receipts set body = '', outcome = null, error = null, erased_at = now()
          where workspace_id = ${workspaceId} and erased_at is null
            and exists (select 1 from unnest(${traces.needles}::text[]) n where strpos(lower(body), n) > 0)
          returning 1`;
  // A store's delivery names the contact by its outcome, or by its email or phone in the body.
  const sourceDeliveries = await tx`
    update source_deliveries set body = '', outcome = null, error = null, erased_at = now()
    where workspace_id = ${workspaceId} and erased_at is null
      and (outcome -> 'contactIds' ? ${traces.contactId}
           or exists (select 1 from unnest(${traces.needles}::text[]) n where strpos(lower(body), n) > 0))
    returning 1`;
  return {
    sandboxDeliveries: deliveries.length,
    webhookReceipts: receipts.length,
    sourceDeliveries: sourceDeliveries.length,
  };
}
