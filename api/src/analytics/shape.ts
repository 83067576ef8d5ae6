import { CONVERTED_OUTCOME, type JourneyDefinition, TRIGGER_NODE_ID } from '@ruta/shared';
import type { EnteredCount, MessageCount, StepCount } from './queries';

/** Pure shaping of the aggregates into what the canvas and the KPI chart draw. */

/**
 * What the canvas draws per step: the treatment group only (the runs that got the journey); the
 * holdout's shadow runs walk the same steps without sending, and are counted apart.
 */
export interface NodeStats {
  /** Distinct treatment runs that entered the node. */
  entered: number;
  /** Entries, counting a run's repeated visits (loops). */
  visits: number;
  /** Runs whose run ended at this node (an exit, an unconnected output, a goal or a removal while here). */
  exited_here: number;
  /** Runs removed from the journey while here: left out of the percentages. */
  removed_here: number;
  /** Runs that reached the goal while here (a purchase ends a run wherever it is). */
  converted_here: number;
  /** Runs at this node now. */
  in_flight: number;
  /** Distinct runs that left through each output. */
  ports: Record<string, number>;
  /** Runs of the holdout that passed here (nothing was sent to them). */
  holdout_entered: number;
}

/** The outcome of a run taken out of the journey by a person («Detener», «Sacar del flujo»). */
export const REMOVED = 'removed';

/** Runs removed, per group: they are left out of every rate. */
export function removedByGroup(steps: StepCount[]) {
  const out = { treatment: 0, holdout: 0 };
  for (const row of steps)
    if (row.kind === 'ended' && row.port === REMOVED) out[row.pilot_group] += row.runs;
  return out;
}

export function nodeStats(
  steps: StepCount[],
  inFlight: { node_id: string; runs: number }[],
): Record<string, NodeStats> {
  const nodes: Record<string, NodeStats> = {};
  const at = (id: string) => {
    nodes[id] ??= {
      entered: 0,
      visits: 0,
      exited_here: 0,
      removed_here: 0,
      converted_here: 0,
      in_flight: 0,
      ports: {},
      holdout_entered: 0,
    };
    return nodes[id];
  };
  for (const row of steps) {
    const node = at(row.node_id);
    const entry = row.kind === 'entered' || row.kind === 'visited';
    if (row.pilot_group === 'holdout') {
      if (entry) node.holdout_entered += row.runs;
      continue;
    }
    if (entry) {
      node.entered += row.runs;
      node.visits += row.times;
    } else if (row.kind === 'ended') {
      node.exited_here += row.runs;
      if (row.port === REMOVED) node.removed_here += row.runs;
      if (row.port === CONVERTED_OUTCOME) node.converted_here += row.runs;
    } else if (row.kind === 'took' && row.port !== null)
      node.ports[row.port] = (node.ports[row.port] ?? 0) + row.runs;
  }
  // The trigger records "entered", never "took": every run that entered it and did not end there
  // went on (its first flush comes after its first node).
  const trigger = nodes[TRIGGER_NODE_ID];
  if (trigger) trigger.ports.next = Math.max(0, trigger.entered - trigger.exited_here);
  for (const row of inFlight) at(row.node_id).in_flight = row.runs;
  return nodes;
}

export interface EdgeStats {
  source: string;
  source_port: string;
  target: string;
  /** Runs that took the edge (the source's port count). */
  count: number;
  /**
   * count / the runs that entered the source and were not removed there, as a percentage with
   * one decimal; null when there were none.
   */
  percent: number | null;
}

export function edgeStats(
  definition: JourneyDefinition,
  nodes: Record<string, NodeStats>,
): Record<string, EdgeStats> {
  const edges: Record<string, EdgeStats> = {};
  for (const edge of definition.edges) {
    const source = nodes[edge.source];
    const count = source?.ports[edge.sourcePort] ?? 0;
    const counted = source ? source.entered - source.removed_here : 0;
    edges[edge.id] = {
      source: edge.source,
      source_port: edge.sourcePort,
      target: edge.target,
      count,
      percent: counted > 0 ? round((100 * count) / counted, 1) : null,
    };
  }
  return edges;
}

type MessageTotals = Omit<MessageCount, 'node_id' | 'channel'>;
export type MessageStats = MessageTotals & { by_channel: Record<string, MessageTotals> };

const ZERO: MessageTotals = {
  sent: 0,
  delivered: 0,
  read: 0,
  opened: 0,
  clicked: 0,
  replied: 0,
  failed: 0,
  held_out: 0,
  cost: 0,
};

function add(into: MessageTotals, row: MessageTotals) {
  for (const key of Object.keys(ZERO) as (keyof MessageTotals)[]) into[key] += row[key];
}

export function messageStats(rows: MessageCount[]): Record<string, MessageStats> {
  const out: Record<string, MessageStats> = {};
  for (const { node_id, channel, ...counts } of rows) {
    out[node_id] ??= { ...ZERO, by_channel: {} };
    const node = out[node_id];
    node.by_channel[channel] ??= { ...ZERO };
    add(node, counts);
    add(node.by_channel[channel], counts);
  }
  for (const node of Object.values(out)) {
    node.cost = round(node.cost, 5);
    for (const channel of Object.values(node.by_channel)) channel.cost = round(channel.cost, 5);
  }
  return out;
}

export interface SeriesDay {
  day: string;
  entered: { treatment: number; holdout: number };
  conversions: { treatment: number; holdout: number };
}

const MAX_FILLED_DAYS = 1_000;

/** One entry per day from the first to the last day with data, zeros filled in. */
export function dailySeries(
  entered: EnteredCount[],
  converted: { day: string; pilot_group: 'treatment' | 'holdout'; converted: number }[],
): SeriesDay[] {
  const byDay = new Map<string, SeriesDay>();
  const day = (d: string) => {
    let entry = byDay.get(d);
    if (!entry) {
      entry = {
        day: d,
        entered: { treatment: 0, holdout: 0 },
        conversions: { treatment: 0, holdout: 0 },
      };
      byDay.set(d, entry);
    }
    return entry;
  };
  for (const row of entered) day(row.day).entered[row.pilot_group] += row.entered;
  for (const row of converted) day(row.day).conversions[row.pilot_group] += row.converted;
  const days = [...byDay.keys()].sort();
  const first = days[0];
  const last = days.at(-1);
  if (first && last) {
    const end = Date.parse(`${last}T00:00:00Z`);
    let t = Date.parse(`${first}T00:00:00Z`);
    for (let n = 0; t < end && n < MAX_FILLED_DAYS; n++, t += 86_400_000)
      day(new Date(t).toISOString().slice(0, 10));
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Entered per group, from per-day rows. */
export function enteredByGroup(rows: EnteredCount[]) {
  const out = { treatment: 0, holdout: 0 };
  for (const row of rows) out[row.pilot_group] += row.entered;
  return out;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
