import type { Sql } from '@ruta/platform';
import type { JourneyDefinition, JourneyLayout } from '@ruta/shared';
import type { JourneyRow, JourneyStatus } from './repository';

/** The SQL of the journeys resource (reads of one journey live in repository.ts and views.ts). */

export async function insertJourney(
  sql: Sql,
  workspaceId: string,
  journey: {
    name: string;
    definition: unknown;
    layout: JourneyLayout;
    templateId: string | null;
  },
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into journeys (workspace_id, name, draft, draft_layout, template_id)
    values (${workspaceId}, ${journey.name}, ${sql.json(journey.definition as never)},
            ${sql.json(journey.layout as never)}, ${journey.templateId})
    returning id`;
  return row!.id;
}

export async function renameJourney(sql: Sql, id: string, name: string) {
  await sql`update journeys set name = ${name}, updated_at = now() where id = ${id}`;
}

export async function deleteJourney(sql: Sql, id: string) {
  await sql`delete from journeys where id = ${id}`;
}

export async function saveDraft(
  sql: Sql,
  id: string,
  draft: { definition: unknown; layout?: JourneyLayout | undefined },
) {
  await sql`
    update journeys set draft = ${sql.json(draft.definition as never)},
      draft_layout = coalesce(${draft.layout ? sql.json(draft.layout as never) : null}, draft_layout),
      draft_updated_at = now(), updated_at = now()
    where id = ${id}`;
}

/** Takes the next version number under the journey's lock and makes it the active version. */
export async function insertVersion(
  sql: Sql,
  journey: { id: string; layout: unknown },
  definition: JourneyDefinition,
  publishedBy: string | null,
): Promise<{ versionId: string; version: number }> {
  return sql.begin(async (tx) => {
    await tx`select id from journeys where id = ${journey.id} for update`;
    const [last] = await tx<{ version: number }[]>`
      select greatest(coalesce(max(version), 0), 0) as version from journey_versions where journey_id = ${journey.id}`;
    const number = (last?.version ?? 0) + 1;
    const [version] = await tx<{ id: string }[]>`
      insert into journey_versions (journey_id, version, definition, layout, published_by)
      values (${journey.id}, ${number}, ${tx.json(definition as never)}, ${tx.json(journey.layout as never)}, ${publishedBy})
      returning id`;
    await tx`update journeys set active_version_id = ${version!.id}, updated_at = now() where id = ${journey.id}`;
    return { versionId: version!.id, version: number };
  });
}

export async function saveActivation(
  sql: Sql,
  id: string,
  activation: Record<string, unknown>,
  versionId: string,
) {
  await sql`
    update journeys set status = 'active', activation = ${sql.json(activation as never)},
      active_version_id = coalesce(active_version_id, ${versionId}), updated_at = now()
    where id = ${id}`;
}

/**
 * Puts back what an activation changed (status, activation, active version) when Temporal could
 * not be told: the journey is as it was, and activating again starts over.
 */
export async function restoreActivation(
  sql: Sql,
  before: Pick<JourneyRow, 'id' | 'status' | 'activation' | 'active_version_id'>,
) {
  await sql`
    update journeys set status = ${before.status},
      activation = ${before.activation ? sql.json(before.activation as never) : null},
      active_version_id = ${before.active_version_id}, updated_at = now()
    where id = ${before.id}`;
}

export async function setJourneyStatus(sql: Sql, id: string, status: JourneyStatus) {
  await sql`update journeys set status = ${status}, updated_at = now() where id = ${id}`;
}

/** Published versions, newest first, with how many runs each has (and has in flight). */
export function listVersions(sql: Sql, journeyId: string) {
  return sql<
    {
      id: string;
      version: number;
      published_at: Date;
      definition: JourneyDefinition;
      layout: JourneyLayout;
      runs: number;
      active_runs: number;
      author: string | null;
    }[]
  >`
    select v.id, v.version, v.published_at, v.definition, v.layout,
           (select coalesce(nullif(u.name, ''), u.email) from users u where u.id = v.published_by) as author,
           (select count(*)::int from runs r where r.version_id = v.id) as runs,
           (select count(*)::int from runs r where r.version_id = v.id and r.status = 'active') as active_runs
    from journey_versions v where v.journey_id = ${journeyId} and v.version > 0 order by v.version desc`;
}

/** Runs in flight (previews aside) per version and current node. */
export function inFlightByNode(sql: Sql, journeyId: string) {
  return sql<{ version: number; node_id: string | null; runs: number }[]>`
    select v.version, r.current_node as node_id, count(*)::int as runs
    from runs r join journey_versions v on v.id = r.version_id
    where r.journey_id = ${journeyId} and r.status = 'active' and r.preview = false
    group by v.version, r.current_node order by v.version, runs desc`;
}

/** Which of these contact ids exist in the workspace. */
export async function knownContactIds(
  sql: Sql,
  workspaceId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await sql<{ id: string }[]>`
    select id from contacts where workspace_id = ${workspaceId} and id = any(${ids as string[]})`;
  return new Set(rows.map((r) => r.id));
}

/** The draft becomes a published version's steps and layout again (to edit and publish anew). */
export async function restoreDraft(sql: Sql, journeyId: string, versionId: string) {
  const [restored] = await sql<{ id: string }[]>`
    update journeys j set draft = v.definition, draft_layout = v.layout,
      draft_updated_at = now(), updated_at = now()
    from journey_versions v
    where j.id = ${journeyId} and v.id = ${versionId} and v.journey_id = j.id and v.version > 0
    returning j.id`;
  return restored !== undefined;
}
