import type { Sql } from '@ruta/platform';
import { type AnalyticsScope, runsIn, type Span } from './scope';

/**
 * Set-based reads of the raw tables: each is one statement over the scope, whatever the number of
 * runs (no per-run round trips). Counts of whole hours come from the rollups (rollup.ts); these
 * read the partial hours at a range's edges, and what rollups cannot hold (conversions, which
 * change after a run; runs in flight).
 */

export interface StepCount {
  pilot_group: 'treatment' | 'holdout';
  node_id: string;
  kind: 'entered' | 'visited' | 'took' | 'ended';
  /** The output taken; for `ended`, the outcome (`removed`, `converted`…). */
  port: string | null;
  /** Distinct runs. */
  runs: number;
  /** Steps (a node visited twice by one run counts twice). */
  times: number;
}

export function rawSteps(sql: Sql, scope: AnalyticsScope, span: Span) {
  return sql<StepCount[]>`
    select r.pilot_group, s.node_id, s.kind,
           nullif(analytics_step_port(s.kind, s.port, s.detail), '') as port,
           count(distinct s.run_id)::int as runs, count(*)::int as times
    from runs r join run_steps s on s.run_id = r.id
    where ${runsIn(sql, scope, span)} and s.kind in ('entered', 'visited', 'took', 'ended')
    group by 1, 2, 3, 4`;
}

export interface MessageCount {
  node_id: string;
  channel: string;
  sent: number;
  delivered: number;
  read: number;
  opened: number;
  clicked: number;
  replied: number;
  failed: number;
  held_out: number;
  /** What the sent messages cost (held-out messages cost nothing; failed ones are not billed). */
  cost: number;
}

export function rawMessages(sql: Sql, scope: AnalyticsScope, span: Span) {
  return sql<MessageCount[]>`
    select m.node_id, m.channel,
           count(*) filter (where m.sent_at is not null)::int as sent,
           count(*) filter (where m.delivered_at is not null)::int as delivered,
           count(*) filter (where m.read_at is not null)::int as read,
           count(*) filter (where m.opened_at is not null)::int as opened,
           count(*) filter (where m.clicked_at is not null)::int as clicked,
           count(*) filter (where m.replied_at is not null)::int as replied,
           count(*) filter (where m.status = 'failed')::int as failed,
           count(*) filter (where m.status = 'held_out')::int as held_out,
           coalesce(sum(m.cost) filter (where m.sent_at is not null), 0)::float8 as cost
    from runs r join messages m on m.run_id = r.id
    where ${runsIn(sql, scope, span)} and m.node_id is not null
    group by 1, 2`;
}

export interface EnteredCount {
  day: string;
  pilot_group: 'treatment' | 'holdout';
  entered: number;
}

export function rawEntered(sql: Sql, scope: AnalyticsScope, span: Span) {
  return sql<EnteredCount[]>`
    select to_char(r.started_at at time zone ${scope.tz}, 'YYYY-MM-DD') as day, r.pilot_group,
           count(*)::int as entered
    from runs r where ${runsIn(sql, scope, span)} group by 1, 2`;
}

/** Treatment runs in flight, by the node they are at now (the holdout's shadow runs send nothing). */
export function inFlightByNode(sql: Sql, scope: AnalyticsScope) {
  return sql<{ node_id: string; runs: number }[]>`
    select coalesce(r.current_node, 'trigger') as node_id, count(*)::int as runs
    from runs r where ${runsIn(sql, scope)} and r.status = 'active' and r.pilot_group = 'treatment'
    group by 1`;
}

/** Conversions found after their run ended (conversions.ts), as parallel arrays. */
export interface LateConversions {
  runIds: string[];
  groups: string[];
  startedAt: string[];
  at: string[];
}

/** Every conversion in scope: converted in the run, plus the late ones. */
const conversions = (sql: Sql, scope: AnalyticsScope, late: LateConversions) => sql`
  select r.pilot_group, r.started_at, r.converted_at, false as after_run
  from runs r where ${runsIn(sql, scope)} and r.converted_at is not null
  union all
  select l.pilot_group, l.started_at, l.at, true
  from unnest(${late.groups}::text[], ${late.startedAt}::timestamptz[], ${late.at}::timestamptz[])
    as l(pilot_group, started_at, at)`;

export interface GroupConversions {
  /** Null on the row for both groups together. */
  pilot_group: 'treatment' | 'holdout' | null;
  converted: number;
  after_run: number;
  median_seconds: number | null;
  p90_seconds: number | null;
}

/** Conversions (in the run or after it) and the median time to convert, per group and overall. */
export function groupConversions(sql: Sql, scope: AnalyticsScope, late: LateConversions) {
  return sql<GroupConversions[]>`
    with c as (${conversions(sql, scope, late)})
    select pilot_group, count(*)::int as converted, count(*) filter (where after_run)::int as after_run,
           percentile_cont(0.5) within group (order by extract(epoch from converted_at - started_at)) as median_seconds,
           percentile_cont(0.9) within group (order by extract(epoch from converted_at - started_at)) as p90_seconds
    from c group by grouping sets ((pilot_group), ())`;
}

/** Conversions by the day (in `tz`) they happened, per group. */
export function dailyConversions(sql: Sql, scope: AnalyticsScope, late: LateConversions) {
  return sql<{ day: string; pilot_group: 'treatment' | 'holdout'; converted: number }[]>`
    with c as (${conversions(sql, scope, late)})
    select to_char(converted_at at time zone ${scope.tz}, 'YYYY-MM-DD') as day, pilot_group,
           count(*)::int as converted
    from c group by 1, 2`;
}

export interface CostLine {
  channel: string;
  /** WhatsApp's pricing category (marketing, utility, authentication, service); null elsewhere. */
  category: string | null;
  /** WhatsApp: sent inside the 24-hour window the customer opened; null elsewhere. */
  in_window: boolean | null;
  sent: number;
  cost: number;
}

/**
 * What the sent messages cost by channel, WhatsApp category and window — the reason the window
 * matters: outside it only a paid template goes through. Raw: the rollups do not keep categories.
 */
export function costLines(sql: Sql, scope: AnalyticsScope) {
  return sql<CostLine[]>`
    select m.channel, m.pricing_category as category,
           case when m.channel = 'whatsapp' then m.in_window end as in_window,
           count(*)::int as sent, coalesce(sum(m.cost), 0)::float8 as cost
    from runs r join messages m on m.run_id = r.id
    where ${runsIn(sql, scope)} and m.sent_at is not null
    group by 1, 2, 3 order by 1, 2, 3`;
}

export interface VariantCount {
  node_id: string;
  port: string;
  entered: number;
  converted: number;
}

/**
 * Per A/B split and variant, the treatment runs that took it and how many of them converted (in
 * the run, or after it: `late`). Raw: a variant is a run's choice, which the rollups do not keep
 * per run.
 */
export function variantConversions(
  sql: Sql,
  scope: AnalyticsScope,
  splitNodes: string[],
  late: LateConversions,
) {
  if (splitNodes.length === 0) return Promise.resolve([] as VariantCount[]);
  return sql<VariantCount[]>`
    select s.node_id, s.port, count(distinct r.id)::int as entered,
           count(distinct r.id) filter (where r.converted_at is not null
             or r.id = any(${late.runIds}::uuid[]))::int as converted
    from runs r join run_steps s on s.run_id = r.id
    where ${runsIn(sql, scope)} and r.pilot_group = 'treatment' and r.outcome is distinct from 'removed'
      and s.kind = 'took' and s.node_id = any(${splitNodes}::text[])
    group by 1, 2 order by 1, 2`;
}
