import { compileSnapshot } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { fieldProblem, notFound, problem } from '../http/problem';
import { getJourney, type JourneyRow, type VersionRow } from '../journeys/repository';
import { analyticsReport } from './report';
import { resolveSpan } from './scope';

async function findVersion(sql: Sql, journey: JourneyRow, version: string | undefined) {
  const byNumber = version !== undefined && /^\d+$/.test(version);
  const [row] = await sql<VersionRow[]>`
    select * from journey_versions where journey_id = ${journey.id} and ${
      version === undefined
        ? sql`(id = ${journey.active_version_id} or ${journey.active_version_id}::uuid is null)`
        : byNumber
          ? sql`version = ${Number(version)}`
          : sql`id = ${version}`
    } order by version desc limit 1`;
  if (!row && version !== undefined)
    throw byNumber
      ? problem('version_not_found', { version: Number(version), journeyId: journey.id })
      : notFound('version', version);
  return row;
}

/** A journey's analytics over a version and a span of entry days, as the API answers it. */
export async function journeyAnalytics(
  sql: Sql,
  workspaceId: string,
  journeyId: string,
  query: {
    version?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    tz: string;
  },
) {
  const journey = await getJourney(sql, workspaceId, journeyId);
  const span = await resolveSpan(sql, query.from, query.to, query.tz);
  if (span.lo && span.hi && span.lo >= span.hi)
    throw problem(
      'range_reversed',
      {},
      { errors: [fieldProblem('query.from', 'range_reversed', {})] },
    );
  const version = await findVersion(sql, journey, query.version);
  const definition = version ? compileSnapshot(version.definition, journey.activation) : null;
  const [workspace] = await sql<{ currency: string | null }[]>`
      select settings -> 'prices' ->> 'currency' as currency from workspaces where id = ${workspaceId}`;
  const report = await analyticsReport(sql, {
    scope: {
      journeyId: journey.id,
      ...(query.version && version ? { versionId: version.id } : {}),
      ...span,
      tz: query.tz,
    },
    definition,
    goal: definition?.settings.goal ?? journey.activation?.goal ?? undefined,
    currency: workspace?.currency ?? 'USD',
  });
  return {
    journey_id: journey.id,
    version: query.version && version ? { id: version.id, version: version.version } : null,
    graph_version: version ? { id: version.id, version: version.version } : null,
    range: { from: span.lo ?? null, to: span.hi ?? null, tz: query.tz },
    ...report,
  };
}
