import type { Sql } from '@ruta/platform';
import type { Goal, JourneyDefinition } from '@ruta/shared';
import { lateConversions } from './conversions';
import { handoffMetrics } from './handoffs';
import { computeLift } from './lift';
import {
  costLines,
  dailyConversions,
  type GroupConversions,
  groupConversions,
  inFlightByNode,
  rawEntered,
  rawMessages,
  rawSteps,
  variantConversions,
} from './queries';
import { rollupEntered, rollupMessages, rollupSteps } from './rollup';
import { type AnalyticsScope, type Span, splitByHour } from './scope';
import {
  dailySeries,
  edgeStats,
  enteredByGroup,
  messageStats,
  nodeStats,
  removedByGroup,
  round,
} from './shape';
import { splitResults } from './splits';

export interface ReportInput {
  scope: AnalyticsScope;
  /** The graph the edges are drawn from (the requested or the active version). */
  definition: JourneyDefinition | null;
  goal: Goal | undefined;
  currency: string;
}

/** Whole hours from the rollups plus the partial hours at the range's edges from the raw tables. */
async function counted<T>(
  scope: AnalyticsScope,
  fromRollup: (hours: Span) => Promise<T[]>,
  fromRaw: (span: Span) => Promise<T[]>,
): Promise<T[]> {
  const { hours, edges } = splitByHour(scope);
  const parts = await Promise.all([
    ...(hours ? [fromRollup(hours)] : []),
    ...edges.map((span) => fromRaw(span)),
  ]);
  return parts.flat();
}

function conversionsOf(rows: GroupConversions[], group: GroupConversions['pilot_group']) {
  const row = rows.find((r) => r.pilot_group === group);
  return {
    converted: row?.converted ?? 0,
    after_run: row?.after_run ?? 0,
    median_seconds: row?.median_seconds ?? null,
    p90_seconds: row?.p90_seconds ?? null,
  };
}

const roundSeconds = (value: number | null) => (value === null ? null : Math.round(value));

/** The whole analytics answer: a handful of set-based statements, run concurrently. */
export async function analyticsReport(sql: Sql, input: ReportInput) {
  const { scope, definition, goal } = input;
  const splitNodes = Object.entries(definition?.nodes ?? {})
    .filter(([, node]) => node.type === 'split')
    .map(([id]) => id);
  const conversions = (async () => {
    const late = definition
      ? await lateConversions(sql, scope, definition, goal)
      : { runIds: [], groups: [], startedAt: [], at: [] };
    return Promise.all([
      groupConversions(sql, scope, late),
      dailyConversions(sql, scope, late),
      goal ? variantConversions(sql, scope, splitNodes, late) : Promise.resolve([]),
      handoffMetrics(sql, scope, late),
    ]);
  })();
  const [steps, messageRows, entered, inFlight, [groups, convertedByDay, variants, queues], costs] =
    await Promise.all([
      counted(
        scope,
        (h) => rollupSteps(sql, scope, h),
        (s) => rawSteps(sql, scope, s),
      ),
      counted(
        scope,
        (h) => rollupMessages(sql, scope, h),
        (s) => rawMessages(sql, scope, s),
      ),
      counted(
        scope,
        (h) => rollupEntered(sql, scope, h),
        (s) => rawEntered(sql, scope, s),
      ),
      inFlightByNode(sql, scope),
      conversions,
      costLines(sql, scope),
    ]);

  const nodes = nodeStats(steps, inFlight);
  const messages = messageStats(messageRows);
  // One definition of every rate (numbers.ts): runs removed by a person are left out of both
  // groups, and the journey's conversion is its treatment group's.
  const enteredCounts = enteredByGroup(entered);
  const removed = removedByGroup(steps);
  const treatment = {
    entered: enteredCounts.treatment - removed.treatment,
    ...conversionsOf(groups, 'treatment'),
  };
  const holdout = {
    entered: enteredCounts.holdout - removed.holdout,
    ...conversionsOf(groups, 'holdout'),
  };
  const lift = computeLift(treatment, holdout);
  const totalCost = round(
    Object.values(messages).reduce((sum, m) => sum + m.cost, 0),
    5,
  );
  const incremental = lift.absolute ? lift.absolute.value * treatment.entered : null;

  return {
    nodes,
    edges: definition ? edgeStats(definition, nodes) : {},
    messages,
    goal: {
      event: goal?.event ?? null,
      window: goal?.window ?? null,
      entered: treatment.entered,
      conversions: treatment.converted,
      in_run: treatment.converted - treatment.after_run,
      after_run: treatment.after_run,
      rate: treatment.entered > 0 ? treatment.converted / treatment.entered : null,
      median_seconds_to_convert: treatment.median_seconds,
      p90_seconds_to_convert: treatment.p90_seconds,
    },
    runs: {
      entered: enteredCounts,
      removed,
    },
    lift: {
      ...lift,
      treatment: { ...lift.treatment, median_seconds_to_convert: treatment.median_seconds },
      holdout: { ...lift.holdout, median_seconds_to_convert: holdout.median_seconds },
    },
    cost: {
      currency: input.currency,
      total: totalCost,
      per_conversion: treatment.converted > 0 ? totalCost / treatment.converted : null,
      incremental_conversions: incremental,
      per_incremental_conversion:
        incremental !== null && incremental > 0 ? totalCost / incremental : null,
      breakdown: costs.map((line) => ({ ...line, cost: round(line.cost, 5) })),
    },
    series: dailySeries(entered, convertedByDay),
    splits: definition ? splitResults(definition, variants) : {},
    handoffs: queues.map((q) => ({
      ...q,
      first_response_median_seconds: roundSeconds(q.first_response_median_seconds),
      first_response_p90_seconds: roundSeconds(q.first_response_p90_seconds),
      close_median_seconds: roundSeconds(q.close_median_seconds),
    })),
  };
}

export type AnalyticsReport = Awaited<ReturnType<typeof analyticsReport>>;
