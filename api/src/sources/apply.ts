import type { Sql } from '@ruta/platform';
import { toE164 } from '../contacts/phone';
import { enterNewSegments, segmentView } from '../contacts/segment-entry';
import type { AppDeps } from '../deps';
import { type ContactRef, upsertContact } from '../ingest/contacts';
import { ingestEvent } from '../ingest/ingest-event';
import type { MappedDelivery, SourceContact, SourceEvent } from './types';

export interface AppliedEvent {
  name: string;
  /** The platform-derived id (a repeat of it is `duplicate`). */
  id: string;
  /** Ruta's id of the stored event (when this delivery stored it). */
  eventId?: string;
  status: 'accepted' | 'duplicate';
  contactId: string;
  enrollments?: unknown;
}

export interface DeliveryOutcome {
  events: AppliedEvent[];
  /** The (first) contact the delivery was about. */
  contactId?: string;
  contactIds: string[];
  /** Items that named nobody Ruta can reach (no id, phone or email). */
  skipped: string[];
  ignored?: string;
  /** Segment journeys a changed contact entered. */
  enrollments?: unknown[];
}

const ANONYMOUS = 'anon:';

/**
 * The external id the contact is written under: merged as ingest does, by external id, then phone,
 * then email (DESIGN §11); a Segment anonymousId's contact takes the userId on identify. A contact
 * found by phone or email without an external id takes the source's.
 */
async function resolveExternalId(
  sql: Sql,
  workspaceId: string,
  contact: SourceContact,
  phone: string | undefined,
): Promise<string | undefined> {
  const byExternal = async (id: string) =>
    (
      await sql<{ id: string; external_id: string }[]>`
        select id, external_id from contacts where workspace_id = ${workspaceId} and external_id = ${id} limit 1`
    )[0];
  if (contact.externalId && (await byExternal(contact.externalId))) return contact.externalId;
  if (contact.anonymousId) {
    const anonymous = await byExternal(`${ANONYMOUS}${contact.anonymousId}`);
    if (anonymous && contact.externalId) {
      await sql`update contacts set external_id = ${contact.externalId}, updated_at = now()
                where id = ${anonymous.id}`;
      return contact.externalId;
    }
    if (anonymous) return anonymous.external_id;
  }
  const [found] = phone
    ? await sql<{ id: string; external_id: string | null }[]>`
        select id, external_id from contacts where workspace_id = ${workspaceId} and phone = ${phone}
        order by created_at limit 1`
    : contact.email
      ? await sql<{ id: string; external_id: string | null }[]>`
          select id, external_id from contacts
          where workspace_id = ${workspaceId} and lower(email) = lower(${contact.email})
          order by created_at limit 1`
      : [];
  const own =
    contact.externalId ?? (contact.anonymousId ? `${ANONYMOUS}${contact.anonymousId}` : undefined);
  if (found?.external_id) return found.external_id;
  if (found && own) {
    await sql`update contacts set external_id = ${own} where id = ${found.id} and external_id is null`;
    return own;
  }
  return own;
}

function contactRef(
  contact: SourceContact,
  externalId: string | undefined,
  phone: string | undefined,
): ContactRef | undefined {
  const ref: ContactRef = {
    ...(externalId ? { externalId } : {}),
    ...(phone ? { phone } : {}),
    ...(contact.email && /^[^\s@]+@[^\s@]+$/.test(contact.email) ? { email: contact.email } : {}),
    ...(contact.firstName ? { firstName: contact.firstName.slice(0, 100) } : {}),
    ...(contact.lastName ? { lastName: contact.lastName.slice(0, 100) } : {}),
    ...(contact.attributes ? { attributes: contact.attributes } : {}),
    ...(contact.consent && Object.keys(contact.consent).length ? { consent: contact.consent } : {}),
  };
  return ref.externalId || ref.phone || ref.email ? ref : undefined;
}

/**
 * A checkout whose order is already in (deliveries out of order) must start nothing; a checkout
 * stored before its order (a replay) goes on to be answered `duplicate`.
 */
async function orderedAlready(sql: Sql, workspaceId: string, event: SourceEvent) {
  const key = event.properties.cart_id;
  if (event.name !== 'checkout_started' || typeof key !== 'string') return false;
  const [order] = await sql`
    select 1 from events
    where workspace_id = ${workspaceId} and name = 'order_placed' and properties ->> 'cart_id' = ${key}
      and not exists (select 1 from events
                      where workspace_id = ${workspaceId} and client_event_id = ${event.id})
    limit 1`;
  return Boolean(order);
}

/** Writes what a delivery became through the one ingest path (contacts, events, routing). */
export async function applyDelivery(
  deps: AppDeps,
  source: { workspaceId: string; defaultCountry: string | undefined },
  mapped: MappedDelivery,
): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = {
    events: [],
    contactIds: [],
    skipped: [],
    ...(mapped.ignored ? { ignored: mapped.ignored } : {}),
  };
  for (const item of mapped.items) {
    const phone =
      toE164(item.contact.phone, item.contact.phoneCountry ?? source.defaultCountry) ??
      toE164(item.contact.phone, source.defaultCountry);
    const externalId = await resolveExternalId(deps.sql, source.workspaceId, item.contact, phone);
    const ref = contactRef(item.contact, externalId, phone);
    if (!ref) {
      outcome.skipped.push(
        item.event
          ? `${item.event.name} ${item.event.id}: no customer id, valid phone or email to reach`
          : 'a customer without an id, a valid phone or an email',
      );
      continue;
    }
    if (item.event && (await orderedAlready(deps.sql, source.workspaceId, item.event))) {
      outcome.skipped.push(
        `${item.event.name} ${item.event.id}: its order arrived first, so nothing was abandoned`,
      );
      continue;
    }
    if (item.event) {
      const result = await ingestEvent(deps, source.workspaceId, {
        id: item.event.id,
        name: item.event.name,
        contact: ref,
        properties: item.event.properties,
        ...(item.event.timestamp && !Number.isNaN(Date.parse(item.event.timestamp))
          ? { timestamp: new Date(item.event.timestamp).toISOString() }
          : {}),
      });
      outcome.events.push({
        name: item.event.name,
        id: item.event.id,
        status: result.status,
        contactId: result.contactId,
        ...(typeof result.eventId === 'string' ? { eventId: result.eventId } : {}),
        ...(result.enrollments ? { enrollments: result.enrollments } : {}),
      });
      if (!outcome.contactIds.includes(result.contactId)) outcome.contactIds.push(result.contactId);
    } else {
      const [known] = ref.externalId
        ? await deps.sql<{ id: string }[]>`
            select id from contacts where workspace_id = ${source.workspaceId} and external_id = ${ref.externalId}`
        : [];
      const before = known ? await segmentView(deps.sql, source.workspaceId, known.id) : undefined;
      const row = await upsertContact(deps.sql, source.workspaceId, ref);
      if (!outcome.contactIds.includes(row.id)) outcome.contactIds.push(row.id);
      // An identify or a customer webhook that makes the contact match a segment enters it.
      const entered = await enterNewSegments(deps, source.workspaceId, row.id, before);
      if (entered.length) outcome.enrollments = [...(outcome.enrollments ?? []), ...entered];
    }
  }
  return outcome.contactIds[0] ? { ...outcome, contactId: outcome.contactIds[0] } : outcome;
}
