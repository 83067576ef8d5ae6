import {
  type ActiveJourneyRef,
  type ContactRow,
  contactRowColumns,
  eventSignal,
  OUTBOX_RETURNING,
  type OutboxRow,
  outboxRows,
} from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { type ContactRef, contactUpsertStatement, upsertContact } from './contacts';

export interface IncomingEvent {
  /** The client's id for the event: a repeated id is a duplicate once the first was routed. */
  id: string;
  name: string;
  contact: ContactRef;
  properties: Record<string, unknown>;
  timestamp?: string | undefined;
}

export interface StoreOutcome {
  contact: ContactRow;
  /**
   * Undefined when the event id was seen and routed before (a duplicate: nothing to do). A repeat
   * of an event whose routing never finished comes back with `repeat` set, to be routed now.
   */
  stored?: {
    id: string;
    occurredAt: string;
    /** The event's signals to the contact's runs in flight, written to the outbox with it. */
    signals: OutboxRow[];
    /** The active journeys this event triggers (most events trigger none). */
    journeys: ActiveJourneyRef[];
    repeat: boolean;
  };
}

/** A stored event's row as the store statements answer it (one per event). */
export interface StoredEventRow {
  contact: ContactRow;
  id: string | null;
  occurred_at: Date | null;
  repeat: boolean | null;
  signals: Record<string, unknown>[] | null;
  journeys: ActiveJourneyRef[] | null;
}

/**
 * The active journeys an event starts, for a statement that names the event `i` (with
 * `workspace_id` and `name`).
 */
export function triggeredJourneys(sql: Sql) {
  return sql`
    from journeys j join journey_versions v on v.id = j.active_version_id
    where j.workspace_id = i.workspace_id and j.status = 'active'
      and v.definition->'trigger'->>'kind' = 'event'
      and v.definition->'trigger'->>'event' = i.name`;
}

/** What routing reads with each stored event: the journeys it starts (see `triggeredJourneys`). */
export function routingReads(sql: Sql) {
  return sql`
    (select json_agg(json_build_object('id', j.id, 'workspaceId', j.workspace_id, 'name', j.name,
                                       'activation', j.activation, 'versionId', v.id, 'version', v.version))
     ${triggeredJourneys(sql)}) as journeys`;
}

/**
 * The outbox rows that take an event to the contact's runs in flight (goal, `wait_for` event: the
 * workflow decides what concerns it), from a CTE named `stored` with `id`, `workspace_id`,
 * `contact_id`, `name`, `properties` and `occurred_at` of the events just inserted.
 */
export function eventSignals(sql: Sql) {
  return sql`
    insert into signal_outbox (workspace_id, run_id, workflow_id, kind, signal, payload)
    select s.workspace_id, r.id, r.workflow_id, 'signal', ${eventSignal.name}::text,
           jsonb_build_object('id', s.id, 'name', s.name, 'properties', s.properties,
                              'occurredAt', to_char(s.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    from stored s join runs r on r.contact_id = s.contact_id and r.status = 'active'
    order by s.id, r.id
    returning ${sql.unsafe(OUTBOX_RETURNING)}`;
}

/** The outcome of one stored event; `contact` is its row as the contact now is. */
export function storeOutcome(row: StoredEventRow, contact: ContactRow): StoreOutcome {
  if (!row.id || !row.occurred_at) return { contact };
  return {
    contact,
    stored: {
      id: row.id,
      occurredAt: row.occurred_at.toISOString(),
      signals: outboxRows(row.signals ?? []),
      journeys: row.journeys ?? [],
      repeat: row.repeat === true,
    },
  };
}

/**
 * One statement upserts the contact (when its external id identifies it; else it is found or
 * created just before), stores the event with its signals to the contact's runs in flight (the
 * outbox, DESIGN §8.2), and reads the journeys it starts. The event is routed at once when it
 * starts none; otherwise routing (route-event.ts) marks it. One round trip on the common path.
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
    i as (select ${workspaceId}::uuid as workspace_id, ${event.name}::text as name),
    earlier as (
      select id, occurred_at from events
      where workspace_id = ${workspaceId} and client_event_id = ${event.id} and routed_at is null
    ),
    stored as (
      insert into events (workspace_id, client_event_id, name, contact_id, properties, occurred_at, routed_at)
      select ${workspaceId}, ${event.id}, ${event.name}, contact.id, ${sql.json(event.properties as never)},
             ${event.timestamp ?? new Date().toISOString()},
             case when exists (select 1 ${triggeredJourneys(sql)}) then null else now() end
      from contact cross join i
      on conflict (workspace_id, client_event_id) do nothing
      returning id, workspace_id, contact_id, name, properties, occurred_at
    ),
    signals as (${eventSignals(sql)})
    select row_to_json(contact) as contact,
           coalesce(stored.id, earlier.id) as id,
           coalesce(stored.occurred_at, earlier.occurred_at) as occurred_at,
           stored.id is null and earlier.id is not null as repeat,
           (select json_agg(signals order by signals.id) from signals) as signals,
           ${routingReads(sql)}
    from i cross join contact left join stored on true left join earlier on true`;
  if (!row) throw new Error(`event ${event.id}: its contact was neither found nor created`);
  return storeOutcome(row, row.contact);
}
