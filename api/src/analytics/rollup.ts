import type { Sql } from '@ruta/platform';
import type { EnteredCount, MessageCount, StepCount } from './queries';
import { type AnalyticsScope, hoursIn, type Span } from './scope';

/**
 * Reads of the hourly rollups (platform/migrations/0004_analytics.sql), which triggers keep exact
 * as runs, steps and messages are written. Same row shapes as the raw reads in queries.ts, so the
 * two add up.
 */

export function rollupSteps(sql: Sql, scope: AnalyticsScope, hours: Span) {
  return sql<StepCount[]>`
    select a.pilot_group, a.node_id, a.kind, nullif(a.port, '') as port,
           sum(a.runs)::int as runs, sum(a.times)::int as times
    from analytics_steps_hourly a where ${hoursIn(sql, scope, hours)}
    group by 1, 2, 3, 4 having sum(a.times) > 0`;
}

export function rollupMessages(sql: Sql, scope: AnalyticsScope, hours: Span) {
  return sql<MessageCount[]>`
    select a.node_id, a.channel, sum(a.sent)::int as sent, sum(a.delivered)::int as delivered,
           sum(a.read)::int as read, sum(a.opened)::int as opened, sum(a.clicked)::int as clicked,
           sum(a.replied)::int as replied, sum(a.failed)::int as failed,
           sum(a.held_out)::int as held_out, sum(a.cost)::float8 as cost
    from analytics_messages_hourly a where ${hoursIn(sql, scope, hours)}
    group by 1, 2`;
}

/** Runs entered per day (in `tz`: exact for whole-hour offsets) and group. */
export function rollupEntered(sql: Sql, scope: AnalyticsScope, hours: Span) {
  return sql<EnteredCount[]>`
    select to_char(a.hour at time zone ${scope.tz}, 'YYYY-MM-DD') as day, a.pilot_group,
           sum(a.entered)::int as entered
    from analytics_runs_hourly a where ${hoursIn(sql, scope, hours)}
    group by 1, 2 having sum(a.entered) > 0`;
}
