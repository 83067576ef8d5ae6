import { type JourneyDefinition, type JourneyNode, outputPortsOf } from '@ruta/shared';

/**
 * When an edit replaces a node's outputs (not a rename: the count changes), the new outputs
 * inherit the old one's connection: one connected output replaced by several (they all go where
 * it went), or several replaced by one (it goes where the first connected one went). Answers
 * `[port, target]` pairs for new outputs that are not connected yet.
 */
export function inheritedEdges(
  id: string,
  before: JourneyNode,
  after: JourneyNode,
  edges: JourneyDefinition['edges'],
): Array<[string, string]> {
  const oldPorts = outputPortsOf(before);
  const newPorts = outputPortsOf(after);
  // Same count: a rename, which the inspector follows itself (port-renames.ts).
  if (oldPorts.length === newPorts.length) return [];
  const added = newPorts.filter((port) => !oldPorts.includes(port));
  const removed = oldPorts.filter((port) => !newPorts.includes(port));
  if (added.length === 0 || removed.length === 0) return [];
  if (removed.length > 1 && added.length > 1) return [];
  const target = removed
    .map((port) => edges.find((e) => e.source === id && e.sourcePort === port)?.target)
    .find((t) => t !== undefined);
  if (!target) return [];
  return added.map((port) => [port, target]);
}
