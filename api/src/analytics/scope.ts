import type { Sql } from '@ruta/platform';

/** A span of entry times: `lo` inclusive, `hi` exclusive; open where absent. */
export interface Span {
  lo?: Date;
  hi?: Date;
}

/** Which runs an analytics answer covers: by journey, version and when they entered. Preview runs never count. */
export interface AnalyticsScope extends Span {
  journeyId: string;
  /** One version only; all versions when absent. */
  versionId?: string;
  /** IANA time zone of days (range bounds and the daily series). */
  tz: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `from` / `to` as instants: a day starts at midnight in `tz` and `to` includes its whole day;
 * a date-time `from` is inclusive and a date-time `to` exclusive.
 */
export async function resolveSpan(
  sql: Sql,
  from: string | undefined,
  to: string | undefined,
  tz: string,
): Promise<Span> {
  const bound = (value: string | undefined, nextDay: boolean) =>
    value === undefined
      ? sql`null::timestamptz`
      : DATE_ONLY.test(value)
        ? sql`((${value}::date + ${nextDay ? 1 : 0}::int)::timestamp at time zone ${tz})`
        : sql`${value}::timestamptz`;
  const [row] = await sql<{ lo: Date | null; hi: Date | null }[]>`
    select ${bound(from, false)} as lo, ${bound(to, true)} as hi`;
  return { ...(row?.lo ? { lo: row.lo } : {}), ...(row?.hi ? { hi: row.hi } : {}) };
}

const HOUR = 3_600_000;

/**
 * The rollups hold whole UTC hours: a span splits into the whole hours inside it (read from the
 * rollups) and the partial hours at its edges (read from the raw tables), so counts stay exact.
 */
export function splitByHour(span: Span): { hours: Span | null; edges: Span[] } {
  const lo = span.lo && new Date(Math.ceil(span.lo.getTime() / HOUR) * HOUR);
  const hi = span.hi && new Date(Math.floor(span.hi.getTime() / HOUR) * HOUR);
  if (lo && hi && lo.getTime() >= hi.getTime()) {
    return { hours: null, edges: span.lo && span.hi && span.lo < span.hi ? [span] : [] };
  }
  const edges: Span[] = [];
  if (span.lo && lo && span.lo < lo) edges.push({ lo: span.lo, hi: lo });
  if (span.hi && hi && hi < span.hi) edges.push({ lo: hi, hi: span.hi });
  return { hours: { ...(lo ? { lo } : {}), ...(hi ? { hi } : {}) }, edges };
}

/** The `where` condition for the scope's runs (alias `r`) within `span`. */
export function runsIn(sql: Sql, scope: AnalyticsScope, span: Span = scope) {
  return sql`r.journey_id = ${scope.journeyId} and not r.preview
    ${scope.versionId ? sql`and r.version_id = ${scope.versionId}` : sql``}
    ${span.lo ? sql`and r.started_at >= ${span.lo}` : sql``}
    ${span.hi ? sql`and r.started_at < ${span.hi}` : sql``}`;
}

/** The same for a rollup table (alias `a`, bucketed by `hour`) within whole hours. */
export function hoursIn(sql: Sql, scope: AnalyticsScope, hours: Span) {
  return sql`a.journey_id = ${scope.journeyId}
    ${scope.versionId ? sql`and a.version_id = ${scope.versionId}` : sql``}
    ${hours.lo ? sql`and a.hour >= ${hours.lo}` : sql``}
    ${hours.hi ? sql`and a.hour < ${hours.hi}` : sql``}`;
}
