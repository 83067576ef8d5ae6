import type { Sql } from '@ruta/platform';
import {
  assignPilotGroup,
  JourneyDefinition,
  type JourneySettings,
  pilotClosed,
} from '@ruta/shared';
import { type EnrollmentTarget, type EnrollRequest, type EnrollResult, enroll } from './enroll';

/**
 * Settings chosen at activation; they override the version's own settings for new runs. A
 * setting set to `null` is switched off (quiet hours, frequency cap, goal); an absent one keeps
 * what the version says.
 */
export type Activation = Partial<Pick<JourneySettings, 'reentry' | 'pilot'>> & {
  quietHours?: JourneySettings['quietHours'] | null;
  frequencyCap?: JourneySettings['frequencyCap'] | null;
  goal?: JourneySettings['goal'] | null;
};

/** The snapshot a run starts with: the immutable version plus the journey's activation settings. */
export function compileSnapshot(
  definition: JourneyDefinition,
  activation: Activation | null,
): JourneyDefinition {
  if (!activation) return definition;
  const settings: Record<string, unknown> = { ...definition.settings };
  for (const [name, value] of Object.entries(activation)) {
    if (value === null) delete settings[name];
    else if (value !== undefined) settings[name] = value;
  }
  return { ...definition, settings: settings as JourneySettings };
}

export interface ActiveJourney {
  id: string;
  workspaceId: string;
  name: string;
  versionId: string;
  version: number;
  definition: JourneyDefinition;
  /** What the definition was compiled with: a queued start rebuilds the same snapshot from it. */
  activation: Activation | null;
}

/** An active journey as the event statement reads it: everything but its definition. */
export interface ActiveJourneyRef {
  id: string;
  workspaceId: string;
  name: string;
  activation: Activation | null;
  versionId: string;
  version: number;
}

/** Parsed definitions by version id: a published version never changes, so it is read once. */
const definitions = new Map<string, JourneyDefinition>();
const DEFINITIONS_KEPT = 500;

export async function versionDefinition(sql: Sql, versionId: string): Promise<JourneyDefinition> {
  const kept = definitions.get(versionId);
  if (kept) return kept;
  const [row] = await sql<{ definition: unknown }[]>`
    select definition from journey_versions where id = ${versionId}`;
  if (!row) throw new Error(`journey version ${versionId} not found`);
  const definition = JourneyDefinition.parse(row.definition);
  if (definitions.size >= DEFINITIONS_KEPT) definitions.clear();
  definitions.set(versionId, definition);
  return definition;
}

/** The journey as new runs see it: its version's definition (read once) with its activation. */
export async function resolveActiveJourney(
  sql: Sql,
  ref: ActiveJourneyRef,
): Promise<ActiveJourney> {
  const definition = await versionDefinition(sql, ref.versionId);
  return {
    id: ref.id,
    workspaceId: ref.workspaceId,
    name: ref.name,
    versionId: ref.versionId,
    version: ref.version,
    definition: compileSnapshot(definition, ref.activation),
    activation: ref.activation ?? null,
  };
}

/** The journey as new runs see it, or undefined when it is not active. */
export async function activeJourney(
  sql: Sql,
  journeyId: string,
): Promise<ActiveJourney | undefined> {
  const [ref] = await sql<ActiveJourneyRef[]>`
    select j.id, j.workspace_id as "workspaceId", j.name, j.activation, v.id as "versionId", v.version
    from journeys j join journey_versions v on v.id = j.active_version_id
    where j.id = ${journeyId} and j.status = 'active'`;
  return ref ? resolveActiveJourney(sql, ref) : undefined;
}

export type ContactEnrollment =
  | {
      journeyId: string;
      status: EnrollResult['status'];
      runId?: string;
      group: 'treatment' | 'holdout';
      reason?: string;
    }
  | { journeyId: string; status: 'excluded' | 'pilot_ended' };

/**
 * What enrolling one contact in an active journey asks for, the way every entry point must: the
 * pilot's end date and its stable enrollment / holdout assignment first (the re-entry rules are
 * `enroll`'s). Undefined request: the contact does not enter (with the reason).
 */
export function enrollmentRequest(
  journey: ActiveJourney,
  contactId: string,
  triggerEvent?: EnrollRequest['triggerEvent'],
  contact?: EnrollRequest['contact'],
): { request: EnrollRequest } | { refused: 'excluded' | 'pilot_ended' } {
  const pilot = journey.definition.settings.pilot;
  if (pilotClosed(pilot?.endsAt)) return { refused: 'pilot_ended' };
  const group = assignPilotGroup(contactId, journey.id, pilot);
  if (group === 'excluded') return { refused: 'excluded' };
  return {
    request: {
      workspaceId: journey.workspaceId,
      journeyId: journey.id,
      journeyName: journey.name,
      versionId: journey.versionId,
      version: journey.version,
      definition: journey.definition,
      activation: journey.activation,
      contactId,
      ...(contact ? { contact } : {}),
      ...(triggerEvent ? { triggerEvent } : {}),
      group,
    },
  };
}

/** The answer an entry point gives for one journey. */
export function contactEnrollment(
  journeyId: string,
  group: 'treatment' | 'holdout',
  result: EnrollResult,
): ContactEnrollment {
  return {
    journeyId,
    status: result.status,
    group,
    ...('runId' in result ? { runId: result.runId } : {}),
    ...('reason' in result ? { reason: result.reason } : {}),
  };
}

/** Enrolls one contact in an active journey (see `enrollmentRequest`, then `enroll`). */
export async function enrollContact(
  target: EnrollmentTarget,
  journey: ActiveJourney,
  contactId: string,
  triggerEvent?: EnrollRequest['triggerEvent'],
  contact?: EnrollRequest['contact'],
): Promise<ContactEnrollment> {
  const planned = enrollmentRequest(journey, contactId, triggerEvent, contact);
  if ('refused' in planned) return { journeyId: journey.id, status: planned.refused };
  const result = await enroll(target, planned.request);
  return contactEnrollment(journey.id, planned.request.group, result);
}
