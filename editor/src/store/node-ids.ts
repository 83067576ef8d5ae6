import type { NodeType } from '@ruta/shared';

/** A readable, unused id for a new node of this type: `send_2`, `wait_for_1`. */
export function nextNodeId(type: NodeType, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${type}_${n}`;
    if (!used.has(id)) return id;
  }
}
