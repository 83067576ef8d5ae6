import {
  type ActiveJourneyRef,
  type ContactEnrollment,
  type ContactSnapshotRow,
  enrollContact,
  resolveActiveJourney,
  toSnapshot,
} from '@ruta/engine';
import { buildTemplateContext, evaluateConditions } from '@ruta/shared';
import { type AppDeps, enrollmentTarget } from '../deps';

export interface StoredEvent {
  id: string;
  name: string;
  /** The contact as the event left it (upserted with it). */
  contact: ContactSnapshotRow;
  properties: Record<string, unknown>;
  occurredAt: string;
}

/**
 * An event reaches (1) every run of the contact in flight (goal, `wait_for` event: the workflow
 * decides what concerns it) — found through the runs table, never by scanning Temporal — and
 * (2) every active journey whose event trigger it matches, which enrolls the contact.
 */
export async function routeEvent(
  deps: AppDeps,
  event: StoredEvent,
  /** Workflow ids of the contact's runs in flight (read with the event, in one statement). */
  active: string[],
  /** The active journeys this event triggers (read with the event; definitions come cached). */
  triggered: ActiveJourneyRef[],
) {
  const { sql, temporal } = deps;
  const signal = {
    id: event.id,
    name: event.name,
    properties: event.properties,
    occurredAt: event.occurredAt,
  };
  await Promise.all(
    active.map((workflowId) =>
      temporal.workflow
        .getHandle(workflowId)
        .signal('event', signal)
        .catch((error) => deps.log.warn({ err: error }, 'event signal failed')),
    ),
  );

  const enrollments: ContactEnrollment[] = [];
  if (triggered.length === 0) return { routedTo: active.length, enrollments };
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
  for (const journey of journeys) {
    const trigger = journey.definition.trigger;
    if (trigger.kind !== 'event') continue;
    if (trigger.filters.length > 0 && !evaluateConditions(trigger.filters, context)) continue;
    enrollments.push(
      await enrollContact(enrollmentTarget(deps), journey, contact.id, signal, contact),
    );
  }
  return { routedTo: active.length, enrollments };
}
