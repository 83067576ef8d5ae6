import { type ActiveJourneyRef, type ContactSnapshotRow, contactRowColumns } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { type ContactRef, contactUpsertStatement, upsertContact } from './contacts';

export interface IncomingEvent {
  /** The client's id for the event: a repeated id is a duplicate. */
  id: string;
  name: string;
  contact: ContactRef;
  properties: Record<string, unknown>;
  timestamp?: string | undefined;
}

export interface StoreOutcome {
  contact: ContactSnapshotRow;
  /** Undefined when the event id was seen before (a duplicate: nothing stored). */
  stored?: {
    id: string;
    occurredAt: string;
    /** Workflow ids of the contact's runs in flight: the event reaches them. */
    active: string[];
    /** The active journeys this event triggers (most events trigger none). */
    journeys: ActiveJourneyRef[];
  };
}

/** A stored event's row as the store statements answer it (one per event). */
export interface StoredEventRow {
  contact: ContactSnapshotRow;
  id: string | null;
  occurred_at: Date | null;
  active: string[];
  journeys: ActiveJourneyRef[] | null;
}

/**
 * What routing reads with each stored event, in the statement that stores it: the contact's runs
 * in flight and the active journeys the event starts. The statement names the upserted contact
 * `contact` and the event `i` (with `workspace_id` and `name`).
 */
export function routingReads(sql: Sql) {
  return sql`
    array(select workflow_id from runs where contact_id = contact.id and status = 'active') as active,
    (select json_agg(json_build_object('id', j.id, 'workspaceId', j.workspace_id, 'name', j.name,
                                       'activation', j.activation, 'versionId', v.id, 'version', v.version))
     from journeys j join journey_versions v on v.id = j.active_version_id
     where j.workspace_id = i.workspace_id and j.status = 'active'
       and v.definition->'trigger'->>'kind' = 'event'
       and v.definition->'trigger'->>'event' = i.name) as journeys`;
}

/** The outcome of one stored event; `contact` is its row as the contact now is. */
export function storeOutcome(row: StoredEventRow, contact: ContactSnapshotRow): StoreOutcome {
  if (!row.id || !row.occurred_at) return { contact };
  return {
    contact,
    stored: {
      id: row.id,
      occurredAt: row.occurred_at.toISOString(),
      active: row.active,
      journeys: row.journeys ?? [],
    },
  };
}

/**
 * One statement upserts the contact (when its external id identifies it; else it is found or
 * created just before), stores the event, and reads what routing it needs: the contact's runs in
 * flight and the journeys it starts. One round trip per event on the common path (BENCHMARKS.md).
 */
export async function storeEvent(
  sql: Sql,
  workspaceId: string,
  event: IncomingEvent,
): Promise<StoreOutcome> {
  const contact =
    contactUpsertStatement(sql, workspaceId, event.contact) ??
    sql`select ${sql(contactRowColumns)} from contacts
        where id = ${(await upsertContact(sql, workspaceId, event.contact)).id}`;
  const [row] = await sql<StoredEventRow[]>`
    with contact as (${contact}),
    stored as (
      insert into events (workspace_id, client_event_id, name, contact_id, properties, occurred_at)
      select ${workspaceId}, ${event.id}, ${event.name}, contact.id, ${sql.json(event.properties as never)},
             ${event.timestamp ?? new Date().toISOString()}
      from contact
      on conflict (workspace_id, client_event_id) do nothing
      returning id, occurred_at
    )
    select row_to_json(contact) as contact, stored.id, stored.occurred_at, ${routingReads(sql)}
    from (select ${workspaceId}::uuid as workspace_id, ${event.name}::text as name) i
    cross join contact left join stored on true`;
  if (!row) throw new Error(`event ${event.id}: its contact was neither found nor created`);
  return storeOutcome(row, row.contact);
}
