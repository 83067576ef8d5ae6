import type { Sql } from '@ruta/platform';
import { pilotPhase, validateJourney } from '@ruta/shared';
import { journeyAnalytics } from '../analytics/journey-analytics';
import { getJourney } from './repository';

/**
 * The journeys list: status, current version, runs entered and in flight (preview runs excluded),
 * and the conversion exactly as the KPI page counts it (the same report: the treatment group,
 * removed runs left out, conversions after the run included).
 */
export async function journeySummaries(sql: Sql, workspaceId: string) {
  const rows = await sql`
    select j.id, j.name, j.status, j.template_id, j.created_at, j.updated_at, j.activation,
           v.version as version,
           coalesce(s.entered, 0)::int as entered,
           coalesce(s.active, 0)::int as in_flight
    from journeys j
    left join journey_versions v on v.id = j.active_version_id
    left join lateral (
      select count(*) as entered, count(*) filter (where r.status = 'active') as active
      from runs r where r.journey_id = j.id and r.preview = false
    ) s on true
    where j.workspace_id = ${workspaceId} and j.status <> 'archived'
    order by j.updated_at desc`;
  // One journey whose numbers cannot be read shows no conversion; it never takes the list down.
  const goals = await Promise.all(
    rows.map((r) =>
      r.entered > 0
        ? journeyAnalytics(sql, workspaceId, r.id, { tz: 'UTC' })
            .then((a) => a.goal)
            .catch(() => null)
        : null,
    ),
  );
  return rows.map((r, i) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    version: r.version ?? null,
    templateId: r.template_id,
    entered: r.entered,
    converted: goals[i]?.conversions ?? 0,
    conversionRate: goals[i]?.rate ?? null,
    inFlight: r.in_flight,
    pilot: r.activation?.pilot ?? null,
    pilotPhase: pilotPhase({
      status: r.status,
      endsAt: r.activation?.pilot?.endsAt,
      inFlight: r.in_flight,
    }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function journeyDetail(sql: Sql, workspaceId: string, id: string) {
  const journey = await getJourney(sql, workspaceId, id);
  const versions = await sql<{ id: string; version: number; published_at: Date }[]>`
    select id, version, published_at from journey_versions where journey_id = ${id} and version > 0 order by version desc`;
  const current = versions.find((v) => v.id === journey.active_version_id);
  const [flight] = await sql<{ n: number }[]>`
    select count(*)::int as n from runs where journey_id = ${id} and status = 'active' and not preview`;
  const inFlight = flight?.n ?? 0;
  return {
    id: journey.id,
    name: journey.name,
    status: journey.status,
    templateId: journey.template_id,
    draft: journey.draft,
    layout: journey.draft_layout,
    draftUpdatedAt: journey.draft_updated_at,
    problems: validateJourney(journey.draft),
    activeVersion: current
      ? { id: current.id, version: current.version, publishedAt: current.published_at }
      : null,
    versions: versions.map((v) => ({ id: v.id, version: v.version, publishedAt: v.published_at })),
    activation: journey.activation,
    inFlight,
    pilotPhase: pilotPhase({
      status: journey.status,
      endsAt: journey.activation?.pilot?.endsAt,
      inFlight,
    }),
    createdAt: journey.created_at,
    updatedAt: journey.updated_at,
  };
}
