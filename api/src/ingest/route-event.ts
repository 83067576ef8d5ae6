import {
  type ActiveJourneyRef,
  type ContactEnrollment,
  type ContactRow,
  contactEnrollment,
  deliverNow,
  enrollmentRequest,
  type OutboxRow,
  recordEnrollment,
  resolveActiveJourney,
  toSnapshot,
} from '@ruta/engine';
import { buildTemplateContext, evaluateConditions } from '@ruta/shared';
import { type AppDeps, enrollmentTarget } from '../deps';

export interface StoredEvent {
  id: string;
  name: string;
  /** The contact as the event left it (upserted with it). */
  contact: ContactRow;
  properties: Record<string, unknown>;
  occurredAt: string;
}

/**
 * An event reaches (1) every run of the contact in flight — its signals were written to the
 * outbox with the event — and (2) every active journey whose event trigger it matches, which
 * enrolls the contact: the runs, their starts and the event's "routed" mark are written in one
 * transaction (a retry of the same event id routes it again only if this never committed). Then
 * everything is handed to Temporal; what Temporal does not take now, the dispatcher delivers.
 */
export async function routeEvent(
  deps: AppDeps,
  event: StoredEvent,
  /** The event's outbox rows to the contact's runs in flight. */
  signals: OutboxRow[],
  /** The active journeys this event triggers (read with the event; definitions come cached). */
  triggered: ActiveJourneyRef[],
) {
  const { sql } = deps;
  const target = enrollmentTarget(deps);
  const enrollments: ContactEnrollment[] = [];
  const rows = [...signals];
  if (triggered.length > 0) {
    const journeys = await Promise.all(triggered.map((ref) => resolveActiveJourney(sql, ref)));
    // The trigger filters see the contact, and the runs start with it instead of loading it again.
    const contact = toSnapshot(event.contact);
    // The same shape conditions see everywhere (engine branches, segment sweeps).
    const template = buildTemplateContext({
      contact,
      event: { name: event.name, properties: event.properties },
      journey: { name: '' },
    });
    const context = { contact: template.contact, event: template.event ?? null, now: new Date() };
    const triggerEvent = {
      id: event.id,
      name: event.name,
      properties: event.properties,
      occurredAt: event.occurredAt,
    };
    await sql.begin(async (tx) => {
      for (const journey of journeys) {
        const trigger = journey.definition.trigger;
        if (trigger.kind !== 'event') continue;
        if (trigger.filters.length > 0 && !evaluateConditions(trigger.filters, context)) continue;
        const planned = enrollmentRequest(journey, contact.id, triggerEvent, contact);
        if ('refused' in planned) {
          enrollments.push({ journeyId: journey.id, status: planned.refused });
          continue;
        }
        const recorded = await recordEnrollment(tx, target, planned.request);
        rows.push(...recorded.rows);
        enrollments.push(contactEnrollment(journey.id, planned.request.group, recorded.result));
      }
      await tx`update events set routed_at = now() where id = ${event.id}`;
    });
  }
  await deliverNow({ ...target, log: deps.log }, rows);
  return { routedTo: signals.length, enrollments };
}
