import type { ActiveJourneyRef, ContactRow } from '@ruta/engine';
import type { AppDeps } from '../deps';
import { routeEvent } from './route-event';
import { routingReads } from './store-event';

/** An event stored this long ago and still not routed lost its request (the API died, PostgreSQL blipped). */
const STALE_AFTER = '30 seconds';

/**
 * Routes events whose routing never finished (stored, but the request that stored them died or
 * failed before their runs were recorded) — the client's retry would route them too, but a client
 * may never retry. Routing is idempotent: a run already recorded is found, not doubled.
 */
export async function rerouteStaleEvents(deps: AppDeps, limit = 50): Promise<number> {
  const { sql } = deps;
  const stale = await sql<
    {
      id: string;
      name: string;
      properties: Record<string, unknown>;
      occurred_at: Date;
      contact: ContactRow;
      journeys: ActiveJourneyRef[] | null;
    }[]
  >`
    select i.id, i.name, i.properties, i.occurred_at, row_to_json(contact) as contact, ${routingReads(sql)}
    from events i
    join lateral (select c.* from contacts c where c.id = i.contact_id) contact on true
    where i.routed_at is null and i.received_at < now() - ${STALE_AFTER}::interval
    order by i.received_at limit ${limit}`;
  for (const event of stale) {
    const journeys = event.journeys ?? [];
    if (journeys.length === 0) {
      await sql`update events set routed_at = now() where id = ${event.id}`;
      continue;
    }
    deps.log.warn(
      { eventId: event.id, name: event.name },
      'routing an event whose request never finished',
    );
    await routeEvent(
      deps,
      {
        id: event.id,
        name: event.name,
        contact: event.contact,
        properties: event.properties,
        occurredAt: event.occurred_at.toISOString(),
      },
      [],
      journeys,
    );
  }
  return stale.length;
}
