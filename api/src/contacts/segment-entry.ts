import {
  type ActiveJourney,
  type ActiveJourneyRef,
  type ContactEnrollment,
  type ContactRow,
  contactRowColumns,
  enrollContact,
  resolveActiveJourney,
  toSnapshot,
} from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { buildTemplateContext, evaluateConditions } from '@ruta/shared';
import { type AppDeps, enrollmentTarget } from '../deps';
import { startSweep } from '../journeys/triggers';

/** The workspace's active journeys with a segment trigger (most workspaces have few). */
async function segmentJourneys(sql: Sql, workspaceId: string): Promise<ActiveJourney[]> {
  const refs = await sql<ActiveJourneyRef[]>`
    select j.id, j.workspace_id as "workspaceId", j.name, j.activation, v.id as "versionId", v.version
    from journeys j join journey_versions v on v.id = j.active_version_id
    where j.workspace_id = ${workspaceId} and j.status = 'active'
      and v.definition -> 'trigger' ->> 'kind' = 'segment'`;
  return Promise.all(refs.map((ref) => resolveActiveJourney(sql, ref)));
}

/** The contact as conditions see it now (undefined once it is gone, or for a test contact). */
export async function segmentView(
  sql: Sql,
  workspaceId: string,
  contactId: string,
): Promise<ContactRow | undefined> {
  const [row] = await sql<(ContactRow & { test_contact: boolean })[]>`
    select ${sql(contactRowColumns)}, test_contact from contacts
    where id = ${contactId} and workspace_id = ${workspaceId}`;
  return row && !row.test_contact ? row : undefined;
}

function matches(journey: ActiveJourney, row: ContactRow, now: Date): boolean {
  const trigger = journey.definition.trigger;
  if (trigger.kind !== 'segment') return false;
  const contact = buildTemplateContext({
    contact: toSnapshot(row),
    journey: { name: journey.name },
  }).contact;
  return evaluateConditions(trigger.conditions, { contact, now });
}

/**
 * A contact that changed (the contacts API, a source's identify or customer webhook) enters the
 * active segment journeys it newly matches: it matches now and did not before the change. Pilot
 * assignment and re-entry apply as at activation (DESIGN §2).
 */
export async function enterNewSegments(
  deps: AppDeps,
  workspaceId: string,
  contactId: string,
  before: ContactRow | undefined,
): Promise<ContactEnrollment[]> {
  const journeys = await segmentJourneys(deps.sql, workspaceId);
  if (journeys.length === 0) return [];
  const after = await segmentView(deps.sql, workspaceId, contactId);
  if (!after) return [];
  const now = new Date();
  const entered: ContactEnrollment[] = [];
  for (const journey of journeys) {
    if (!matches(journey, after, now) || (before && matches(journey, before, now))) continue;
    entered.push(
      await enrollContact(enrollmentTarget(deps), journey, contactId, undefined, toSnapshot(after)),
    );
  }
  return entered;
}

/**
 * Many contacts changed at once (a CSV import): each active segment journey sweeps its segment,
 * which enrolls whoever matches and may enter (re-entry decides), as "sweep now" does.
 */
export async function sweepSegmentsAfterImport(deps: AppDeps, workspaceId: string, tag: string) {
  for (const journey of await segmentJourneys(deps.sql, workspaceId))
    await startSweep(deps, journey.id, `import-${tag}`);
}
