import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { compileSnapshot } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { fieldRule } from '@ruta/shared';
import { analyticsReport } from '../analytics/report';
import { resolveSpan } from '../analytics/scope';
import type { AppEnv } from '../deps';
import { dateOrTimeQuery } from '../http/dates';
import { fieldProblem, notFound, problem } from '../http/problem';
import { validationHook } from '../http/validation';
import { getJourney, type JourneyRow, type VersionRow } from '../journeys/repository';
import { IdParam, problemResponses } from './schemas';

const knownTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const Query = z.object({
  version: z
    .string()
    .regex(
      /^(\d{1,9}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
      'a version number or a version id',
    )
    .optional()
    .openapi({ description: 'Only runs of this version (number or id); all versions when absent' }),
  from: dateOrTimeQuery('Runs that entered on or after this day (in `tz`) or instant'),
  to: dateOrTimeQuery(
    'Runs that entered on or before this day (in `tz`, whole day), or before this instant',
  ),
  tz: z
    .string()
    .max(64)
    .refine(knownTimeZone, fieldRule('time_zone', {}))
    .default('UTC')
    .openapi({ description: 'Time zone of days (range and daily series); UTC by default' }),
});

const Analytics = z.record(z.string(), z.unknown()).openapi('JourneyAnalytics');

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

export const analytics = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/journeys/{id}/analytics',
    tags: ['Analytics'],
    summary:
      'Per node and edge counts, messages, goal, lift against the holdout (Newcombe 95% CI), cost and a daily series',
    description:
      'Preview runs are never counted. Runs are selected by when they entered (`from`/`to`). A run converts when the goal event reached it or, once it ended without converting, when a goal event for its contact (and entry key) occurred within the goal window counted from its start. Lift is the difference of conversion rates (treatment − holdout) with Newcombe’s hybrid score 95% interval.',
    request: { params: IdParam, query: Query },
    responses: {
      200: { description: 'Analytics', content: { 'application/json': { schema: Analytics } } },
      ...problemResponses,
    },
  }),
  async (c) => {
    const { sql } = c.get('deps');
    const { workspaceId } = c.get('auth');
    const query = c.req.valid('query');
    const journey = await getJourney(sql, workspaceId, c.req.valid('param').id);
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
    return c.json(
      {
        journey_id: journey.id,
        version: query.version && version ? { id: version.id, version: version.version } : null,
        graph_version: version ? { id: version.id, version: version.version } : null,
        range: { from: span.lo ?? null, to: span.hi ?? null, tz: query.tz },
        ...report,
      } as Record<string, unknown>,
      200,
    );
  },
);
