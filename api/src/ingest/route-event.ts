import {
  activeJourneysForEvent,
  type ContactEnrollment,
  enrollContact,
  loadContactRow,
  toSnapshot,
} from '@ruta/engine';
import { buildTemplateContext, evaluateConditions } from '@ruta/shared';
import { type AppDeps, enrollmentTarget } from '../deps';

export interface StoredEvent {
  id: string;
  name: string;
  contactId: string;
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
  workspaceId: string,
  event: StoredEvent,
  /** Workflow ids of the contact's runs in flight (read with the event, in one statement). */
  active: string[],
  /** Whether an active journey triggers on this event (then its definition is read). */
  triggered: boolean,
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

  const journeys = triggered ? await activeJourneysForEvent(sql, workspaceId, event.name) : [];
  const enrollments: ContactEnrollment[] = [];
  if (journeys.length === 0) return { routedTo: active.length, enrollments };
  // Read once: the trigger filters see it, and the runs start with it instead of loading it again.
  const row = await loadContactRow(sql, workspaceId, event.contactId).catch(() => undefined);
  const contact = row ? toSnapshot(row) : undefined;
  // The same shape conditions see everywhere (engine branches, segment sweeps).
  const template = buildTemplateContext({
    contact: contact ?? { id: event.contactId },
    event: { name: event.name, properties: event.properties },
    journey: { name: '' },
  });
  const context = { contact: template.contact, event: template.event ?? null, now: new Date() };
  for (const journey of journeys) {
    const trigger = journey.definition.trigger;
    if (trigger.kind !== 'event') continue;
    if (trigger.filters.length > 0 && !evaluateConditions(trigger.filters, context)) continue;
    enrollments.push(
      await enrollContact(enrollmentTarget(deps), journey, event.contactId, signal, contact),
    );
  }
  return { routedTo: active.length, enrollments };
}
