import type { Sql } from '@ruta/platform';
import type { LateConversions } from './queries';
import { type AnalyticsScope, runsIn } from './scope';

export interface QueueMetrics {
  queue: string;
  /** Hand-offs made by the scope's runs (treatment; the holdout never reaches a person). */
  total: number;
  open: number;
  closed: number;
  sold: number;
  solved: number;
  no_sale: number;
  /** Seconds from the hand-off to the first answer from a person (median and p90). */
  first_response_median_seconds: number | null;
  first_response_p90_seconds: number | null;
  /** Seconds from the hand-off to its close (median). */
  close_median_seconds: number | null;
  /** Hand-offs whose run converted — in the run or after it, within the goal window. */
  converted: number;
}

/**
 * The seed's "first response time" and "conversational conversion", per queue: what happened to
 * the conversations the journey handed to people. A conversion is the goal's (the same
 * definition as every other number: the run's `converted_at`, or a late conversion), not what the
 * agent reported; the agent's results are counted beside it.
 */
export async function handoffMetrics(
  sql: Sql,
  scope: AnalyticsScope,
  late: LateConversions,
): Promise<QueueMetrics[]> {
  return sql<QueueMetrics[]>`
    select h.queue, count(*)::int as total,
      count(*) filter (where h.status <> 'closed')::int as open,
      count(*) filter (where h.status = 'closed')::int as closed,
      count(*) filter (where h.result = 'sold')::int as sold,
      count(*) filter (where h.result = 'solved')::int as solved,
      count(*) filter (where h.result = 'no_sale')::int as no_sale,
      (percentile_cont(0.5) within group (order by extract(epoch from h.first_response_at - h.created_at))
        filter (where h.first_response_at is not null))::float8 as first_response_median_seconds,
      (percentile_cont(0.9) within group (order by extract(epoch from h.first_response_at - h.created_at))
        filter (where h.first_response_at is not null))::float8 as first_response_p90_seconds,
      (percentile_cont(0.5) within group (order by extract(epoch from h.closed_at - h.created_at))
        filter (where h.closed_at is not null))::float8 as close_median_seconds,
      count(*) filter (where r.converted_at is not null or r.id = any(${late.runIds}::uuid[]))::int
        as converted
    from handoff_tasks h join runs r on r.id = h.run_id
    where ${runsIn(sql, scope)} and r.outcome is distinct from 'removed'
    group by h.queue order by h.queue`;
}
