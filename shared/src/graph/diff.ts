import type { JourneyDefinition } from '../model/definition';

/** What changed between two versions of a journey, step by step (the trigger counts as a step). */
export interface JourneyDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * Steps added, removed and changed from `before` to `after`: a step changed when its settings
 * changed or where its outputs lead did; the trigger when it did. Pure; ids in the journey's order.
 */
export function diffJourneys(
  before: Pick<JourneyDefinition, 'trigger' | 'nodes' | 'edges'>,
  after: Pick<JourneyDefinition, 'trigger' | 'nodes' | 'edges'>,
): JourneyDiff {
  const outgoing = (journey: typeof before, id: string) =>
    stable(
      journey.edges
        .filter((edge) => edge.source === id)
        .map((edge) => [edge.sourcePort, edge.target])
        .sort(),
    );
  const added = Object.keys(after.nodes).filter((id) => !(id in before.nodes));
  const removed = Object.keys(before.nodes).filter((id) => !(id in after.nodes));
  const changed = Object.keys(after.nodes).filter(
    (id) =>
      id in before.nodes &&
      (stable(before.nodes[id]) !== stable(after.nodes[id]) ||
        outgoing(before, id) !== outgoing(after, id)),
  );
  if (
    stable(before.trigger) !== stable(after.trigger) ||
    outgoing(before, 'trigger') !== outgoing(after, 'trigger')
  )
    changed.unshift('trigger');
  return { added, removed, changed };
}
