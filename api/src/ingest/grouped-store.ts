import { type ContactRow, contactRowColumns } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { defaultTimeZoneForPhone } from '@ruta/shared';
import { consentRecords } from '../contacts/fields';
import { hasUpdates } from './contacts';
import {
  eventSignals,
  type IncomingEvent,
  routingReads,
  type StoredEventRow,
  type StoreOutcome,
  storeEvent,
  storeOutcome,
  triggeredJourneys,
} from './store-event';

interface Waiting {
  workspaceId: string;
  event: IncomingEvent;
  resolve(outcome: StoreOutcome): void;
  reject(error: unknown): void;
}

export interface EventStore {
  store(workspaceId: string, event: IncomingEvent): Promise<StoreOutcome>;
}

/**
 * Stores events from concurrent requests together (BENCHMARKS.md, ingest): the events that arrive
 * in the same turn of the event loop go to PostgreSQL as one statement — their contacts upserted,
 * the events inserted, their runs in flight and triggered journeys read — instead of one statement
 * each. Answers are the same as `storeEvent`'s, event by event; a lone event waits for nothing.
 * Only events whose contact is identified by external id (the common ingest case) are grouped.
 */
export function groupedEventStore(
  sql: Sql,
  options: {
    maxGroup?: number /** Told each group stored in one statement (tests, metrics). */;
    onGroup?: (size: number) => void;
  } = {},
): EventStore {
  const { maxGroup = 200, onGroup } = options;
  let waiting: Waiting[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const group = waiting;
    waiting = [];
    void storeGroup(sql, group, onGroup);
  };
  return {
    store(workspaceId, event) {
      if (!event.contact.externalId || !hasUpdates(event.contact)) {
        return storeEvent(sql, workspaceId, event);
      }
      return new Promise((resolve, reject) => {
        waiting.push({ workspaceId, event, resolve, reject });
        if (waiting.length >= maxGroup) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}

/**
 * A round holds each contact and each event id once; a repeat waits for the next round, so two
 * events of one contact apply in the order they came, as they would one by one.
 */
async function storeGroup(sql: Sql, group: Waiting[], onGroup?: (size: number) => void) {
  let rest = group;
  while (rest.length > 0) {
    const round: Waiting[] = [];
    const later: Waiting[] = [];
    const seen = new Set<string>();
    for (const item of rest) {
      const contactKey = `c\n${item.workspaceId}\n${item.event.contact.externalId}`;
      const eventKey = `e\n${item.workspaceId}\n${item.event.id}`;
      if (seen.has(contactKey) || seen.has(eventKey)) {
        later.push(item);
        continue;
      }
      seen.add(contactKey);
      seen.add(eventKey);
      round.push(item);
    }
    await storeRound(sql, round, onGroup);
    rest = later;
  }
}

async function storeRound(sql: Sql, round: Waiting[], onGroup?: (size: number) => void) {
  const one = (item: Waiting) =>
    storeEvent(sql, item.workspaceId, item.event).then(item.resolve, item.reject);
  if (round.length === 1) return one(round[0] as Waiting);
  let outcomes: StoreOutcome[];
  try {
    outcomes = await storeMany(sql, round);
  } catch {
    // One bad event must not fail the others: each is stored on its own, and answers its own error.
    await Promise.all(round.map(one));
    return;
  }
  for (const [i, item] of round.entries()) item.resolve(outcomes[i] as StoreOutcome);
  onGroup?.(round.length);
}

interface Row extends StoredEventRow {
  n: number;
}

/** `storeEvent` for many events at once; contacts and event ids are distinct within the round. */
async function storeMany(sql: Sql, round: Waiting[]): Promise<StoreOutcome[]> {
  const input = round.map(({ workspaceId, event }, n) => {
    const { contact } = event;
    return {
      n,
      workspace_id: workspaceId,
      external_id: contact.externalId,
      phone: contact.phone ?? null,
      email: contact.email ?? null,
      first_name: contact.firstName ?? null,
      last_name: contact.lastName ?? null,
      locale: contact.locale ?? null,
      time_zone: contact.timeZone ?? null,
      // A new contact's zone, when none is given, comes from its phone; an existing one keeps its own.
      new_time_zone: contact.timeZone ?? defaultTimeZoneForPhone(contact.phone) ?? null,
      attributes: contact.attributes ?? {},
      consent: consentRecords(contact.consent ?? {}, 'event'),
      client_event_id: event.id,
      name: event.name,
      properties: event.properties,
      occurred_at: event.timestamp ?? new Date().toISOString(),
    };
  });
  const rows = await sql<Row[]>`
    with input as (
      select * from jsonb_to_recordset(${sql.json(input as never)}) as i(
        n int, workspace_id uuid, external_id text, phone text, email text, first_name text,
        last_name text, locale text, time_zone text, new_time_zone text, attributes jsonb, consent jsonb,
        client_event_id text, name text, properties jsonb, occurred_at timestamptz)
    ), contact as (
      insert into contacts as c (workspace_id, external_id, phone, email, first_name, last_name, locale,
                                 time_zone, attributes, consent)
      select workspace_id, external_id, phone, email, first_name, last_name, locale, new_time_zone,
             attributes, consent
      from input order by n
      on conflict (workspace_id, external_id) where external_id is not null do update set
        phone = coalesce(excluded.phone, c.phone), email = coalesce(excluded.email, c.email),
        first_name = coalesce(excluded.first_name, c.first_name),
        last_name = coalesce(excluded.last_name, c.last_name),
        locale = coalesce(excluded.locale, c.locale),
        time_zone = coalesce((select i.time_zone from input i
                              where i.workspace_id = excluded.workspace_id and i.external_id = excluded.external_id),
                             c.time_zone),
        attributes = c.attributes || excluded.attributes,
        consent = merge_consent(c.consent, excluded.consent), updated_at = now()
      returning ${sql(contactRowColumns)}, workspace_id
    ), earlier as (
      select e.id, e.workspace_id, e.client_event_id, e.occurred_at
      from input i join events e on e.workspace_id = i.workspace_id and e.client_event_id = i.client_event_id
      where e.routed_at is null
    ), stored as (
      insert into events (workspace_id, client_event_id, name, contact_id, properties, occurred_at, routed_at)
      select i.workspace_id, i.client_event_id, i.name, contact.id, i.properties, i.occurred_at,
             case when exists (select 1 ${triggeredJourneys(sql)}) then null else now() end
      from input i join contact on contact.workspace_id = i.workspace_id and contact.external_id = i.external_id
      order by i.n
      on conflict (workspace_id, client_event_id) do nothing
      returning id, workspace_id, client_event_id, contact_id, name, properties, occurred_at
    ), signals as (${eventSignals(sql)})
    select i.n, row_to_json(contact) as contact,
           coalesce(stored.id, earlier.id) as id,
           coalesce(stored.occurred_at, earlier.occurred_at) as occurred_at,
           stored.id is null and earlier.id is not null as repeat,
           (select json_agg(sg order by sg.id) from signals sg where sg.payload->>'id' = stored.id::text) as signals,
           ${routingReads(sql)}
    from input i
    join contact on contact.workspace_id = i.workspace_id and contact.external_id = i.external_id
    left join stored on stored.workspace_id = i.workspace_id and stored.client_event_id = i.client_event_id
    left join earlier on earlier.workspace_id = i.workspace_id and earlier.client_event_id = i.client_event_id`;
  const byIndex = new Map(rows.map((row) => [row.n, row]));
  return round.map((_, n) => {
    const row = byIndex.get(n);
    if (!row) throw new Error('an event of the group came back without its contact');
    const { workspace_id: _workspace, ...contact } = row.contact as ContactRow & {
      workspace_id?: string;
    };
    return storeOutcome(row, contact);
  });
}
