import type { Sql } from '@ruta/platform';
import {
  buildTemplateContext,
  durationMs,
  evaluateConditions,
  type Goal,
  type JourneyDefinition,
} from '@ruta/shared';
import type { LateConversions } from './queries';
import { type AnalyticsScope, runsIn } from './scope';

/**
 * When a run converts.
 *
 * 1. In the run: `runs.converted_at`, set by the workflow when the goal event reaches it (the goal's
 *    name, filters, this run's entry key, inside the window counted from the run's start).
 * 2. After the run: a run that ended without converting (any outcome: no response, opted out,
 *    removed…) still converts when a goal event for its contact occurs within the goal window
 *    counted from the run's start — `occurred_at` in [started_at, started_at + window] — with the
 *    run's entry key when the trigger has one (`properties[entryKey] = runs.entry_key`, as the
 *    workflow scopes it), and the goal's filters holding (evaluated here with the shared
 *    condition code: event properties, the contact as it is now; engagement facts are not known
 *    after the run, so engagement conditions do not hold). The earliest such event is the
 *    conversion time. Runs still active are left to the workflow.
 *
 * A run removed from the journey («Detener», «Sacar del flujo») is left out of every rate, in
 * both groups (numbers.ts), so it is not searched for a late conversion either.
 *
 * Both groups are measured the same way (intent to treat): a holdout run converts exactly like a
 * treatment run, so the lift compares like with like. The goal is the one new runs get today: the
 * version's `settings.goal` (the requested version, else the active one) under the journey's
 * activation settings — the same merge `compileSnapshot` gives a run.
 */
export async function lateConversions(
  sql: Sql,
  scope: AnalyticsScope,
  definition: JourneyDefinition,
  goal: Goal | undefined,
): Promise<LateConversions> {
  if (!goal) return NONE;
  const trigger = definition.trigger;
  const entryKey = trigger.kind === 'event' ? trigger.entryKey : undefined;
  const sameEntry = entryKey
    ? sql`and (r.entry_key is null or e.properties ->> ${entryKey} = r.entry_key)`
    : sql``;
  const candidates = (alsoJoin = sql``) => sql`
    from runs r
    join events e on e.contact_id = r.contact_id and e.name = ${goal.event}
      and e.occurred_at >= r.started_at
      and e.occurred_at <= r.started_at + ${durationMs(goal.window)} * interval '1 millisecond'
      ${sameEntry}
    ${alsoJoin}
    where ${runsIn(sql, scope)} and r.converted_at is null and r.status <> 'active'
      and r.outcome is distinct from 'removed'`;

  if (goal.filters.length === 0) {
    const rows = await sql<Candidate[]>`
      select distinct on (r.id) r.id as run_id, r.pilot_group, r.started_at, e.occurred_at as at
      ${candidates()} order by r.id, e.occurred_at`;
    return asArrays(rows);
  }

  const rows = await sql<
    (Candidate & { properties: Record<string, unknown>; contact: Record<string, unknown> })[]
  >`
    select r.id as run_id, r.pilot_group, r.started_at, e.occurred_at as at, e.properties,
           json_build_object('id', c.id, 'externalId', c.external_id, 'firstName', c.first_name,
             'lastName', c.last_name, 'phone', c.phone, 'email', c.email, 'locale', c.locale,
             'timeZone', c.time_zone, 'attributes', c.attributes) as contact
    ${candidates(sql`join contacts c on c.id = r.contact_id`)}
    order by r.id, e.occurred_at`;
  const found = new Map<string, Candidate>();
  const now = new Date();
  for (const row of rows) {
    if (found.has(row.run_id)) continue;
    const context = buildTemplateContext({
      contact: row.contact as Parameters<typeof buildTemplateContext>[0]['contact'],
      journey: { name: '' },
    });
    const holds = evaluateConditions(goal.filters, {
      contact: context.contact,
      event: row.properties,
      engagement: null,
      now,
    });
    if (holds) found.set(row.run_id, row);
  }
  return asArrays([...found.values()]);
}

interface Candidate {
  run_id: string;
  pilot_group: string;
  started_at: Date;
  at: Date;
}

const NONE: LateConversions = { runIds: [], groups: [], startedAt: [], at: [] };

function asArrays(rows: Candidate[]): LateConversions {
  return {
    runIds: rows.map((r) => r.run_id),
    groups: rows.map((r) => r.pilot_group),
    startedAt: rows.map((r) => r.started_at.toISOString()),
    at: rows.map((r) => r.at.toISOString()),
  };
}
