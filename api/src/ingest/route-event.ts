import { type EnrollResult, enroll } from '@ruta/engine';
import { assignPilotGroup, evaluateConditions, JourneyDefinition } from '@ruta/shared';
import { type AppDeps, enrollmentTarget } from '../deps';
import { type Activation, compileSnapshot } from '../journeys/compile';

export interface StoredEvent {
  id: string;
  name: string;
  contactId: string;
  properties: Record<string, unknown>;
  occurredAt: string;
}

export interface Enrollment {
  journeyId: string;
  status: EnrollResult['status'] | 'excluded' | 'pilot_ended';
  runId?: string;
  group?: 'treatment' | 'holdout';
}

/**
 * An event reaches (1) every run of the contact in flight (goal, `wait_for` event: the workflow
 * decides what concerns it) — found through the runs table, never by scanning Temporal — and
 * (2) every active journey whose event trigger it matches, which enrolls the contact.
 */
export async function routeEvent(deps: AppDeps, workspaceId: string, event: StoredEvent) {
  const { sql, temporal } = deps;
  const active = await sql<{ workflow_id: string }[]>`
    select workflow_id from runs where contact_id = ${event.contactId} and status = 'active'`;
  const signal = {
    id: event.id,
    name: event.name,
    properties: event.properties,
    occurredAt: event.occurredAt,
  };
  await Promise.all(
    active.map((r) =>
      temporal.workflow
        .getHandle(r.workflow_id)
        .signal('event', signal)
        .catch((error) => deps.log.warn({ err: error }, 'event signal failed')),
    ),
  );

  const journeys = await sql<
    {
      id: string;
      name: string;
      activation: Activation | null;
      version_id: string;
      version: number;
      definition: unknown;
    }[]
  >`
    select j.id, j.name, j.activation, v.id as version_id, v.version, v.definition
    from journeys j join journey_versions v on v.id = j.active_version_id
    where j.workspace_id = ${workspaceId} and j.status = 'active'
      and v.definition->'trigger'->>'kind' = 'event' and v.definition->'trigger'->>'event' = ${event.name}`;
  const enrollments: Enrollment[] = [];
  if (journeys.length === 0) return { routedTo: active.length, enrollments };
  const [contact] = await sql`select * from contacts where id = ${event.contactId}`;
  for (const journey of journeys) {
    const definition = compileSnapshot(
      JourneyDefinition.parse(journey.definition),
      journey.activation,
    );
    const trigger = definition.trigger;
    if (trigger.kind !== 'event') continue;
    const conditionContext = {
      contact: {
        ...(contact?.attributes ?? {}),
        first_name: contact?.first_name,
        email: contact?.email,
        phone: contact?.phone,
      },
      event: { ...event.properties, name: event.name },
      now: new Date(),
    };
    if (trigger.filters.length > 0 && !evaluateConditions(trigger.filters, conditionContext))
      continue;
    const pilot = definition.settings.pilot;
    if (pilot?.endsAt && new Date(pilot.endsAt).getTime() < Date.now()) {
      enrollments.push({ journeyId: journey.id, status: 'pilot_ended' });
      continue;
    }
    const group = assignPilotGroup(event.contactId, journey.id, pilot);
    if (group === 'excluded') {
      enrollments.push({ journeyId: journey.id, status: 'excluded' });
      continue;
    }
    const result = await enroll(enrollmentTarget(deps), {
      workspaceId,
      journeyId: journey.id,
      journeyName: journey.name,
      versionId: journey.version_id,
      version: journey.version,
      definition,
      contactId: event.contactId,
      triggerEvent: signal,
      group,
    });
    enrollments.push({
      journeyId: journey.id,
      status: result.status,
      ...('runId' in result ? { runId: result.runId } : {}),
      group,
    });
  }
  return { routedTo: active.length, enrollments };
}
