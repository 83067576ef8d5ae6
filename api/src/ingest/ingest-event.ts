import type { Sql } from '@ruta/platform';
import type { AppDeps } from '../deps';
import { type EventStore, groupedEventStore } from './grouped-store';
import { routeEvent } from './route-event';
import type { IncomingEvent } from './store-event';

/** One grouped store per database pool: concurrent requests share statements (grouped-store.ts). */
const stores = new WeakMap<object, EventStore>();
function storeFor(sql: Sql): EventStore {
  let store = stores.get(sql);
  if (!store) {
    store = groupedEventStore(sql);
    stores.set(sql, store);
  }
  return store;
}

export type IngestResult = {
  id: string;
  status: 'accepted' | 'duplicate';
  contactId: string;
  eventId?: string;
} & Partial<Awaited<ReturnType<typeof routeEvent>>>;

/**
 * The one ingest path (POST /api/events, sources): stores the event with its contact and its
 * signals to runs in flight, then routes it (enrollments). A repeated id is `duplicate` once the
 * first was routed; a repeat of one whose routing never finished is routed now.
 */
export async function ingestEvent(
  deps: AppDeps,
  workspaceId: string,
  event: IncomingEvent,
): Promise<IngestResult> {
  const { contact, stored } = await storeFor(deps.sql).store(workspaceId, event);
  if (!stored) return { id: event.id, status: 'duplicate', contactId: contact.id };
  const routed = await routeEvent(
    deps,
    { ...stored, name: event.name, contact, properties: event.properties },
    stored.signals,
    stored.journeys,
  );
  return { id: event.id, status: 'accepted', contactId: contact.id, eventId: stored.id, ...routed };
}
