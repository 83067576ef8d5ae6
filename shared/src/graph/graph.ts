/** Node id → ids it connects to, in edge order, without repeats. */
export type Successors = ReadonlyMap<string, readonly string[]>;

/** Builds the successor map for `nodeIds` from edges; edges touching other ids are ignored. */
export function successorsOf(
  nodeIds: Iterable<string>,
  edges: Iterable<{ source: string; target: string }>,
): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const id of nodeIds) successors.set(id, []);
  for (const { source, target } of edges) {
    const list = successors.get(source);
    if (list && successors.has(target) && !list.includes(target)) list.push(target);
  }
  return successors;
}

/** Every id reachable from `start` (included), breadth first. */
export function reachableFrom(start: Iterable<string>, successors: Successors): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const id of start) {
    if (!seen.has(id)) {
      seen.add(id);
      queue.push(id);
    }
  }
  for (let index = 0; index < queue.length; index++) {
    for (const next of successors.get(queue[index] as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Reverses the arrows: id → ids that connect to it. */
export function predecessorsOf(successors: Successors): Map<string, string[]> {
  const predecessors = new Map<string, string[]>();
  for (const id of successors.keys()) predecessors.set(id, []);
  for (const [source, targets] of successors) {
    for (const target of targets) predecessors.get(target)?.push(source);
  }
  return predecessors;
}

/**
 * Strongly connected components (Tarjan, iterative so deep graphs cannot overflow the stack),
 * each listed in discovery order.
 */
export function stronglyConnectedComponents(successors: Successors): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of successors.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: number };
      const targets = successors.get(frame.id) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          lowLink.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.id, Math.min(lowLink.get(frame.id) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) {
        lowLink.set(parent.id, Math.min(lowLink.get(parent.id) ?? 0, lowLink.get(frame.id) ?? 0));
      }
      if (lowLink.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component.reverse());
      }
    }
  }
  return components;
}

/** Components that contain a cycle: more than one node, or one node with an edge to itself. */
export function cyclicComponents(successors: Successors): string[][] {
  return stronglyConnectedComponents(successors).filter((component) => {
    const [only] = component;
    return (
      component.length > 1 || (only !== undefined && (successors.get(only) ?? []).includes(only))
    );
  });
}
