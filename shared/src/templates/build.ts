import type { JourneyDefinition } from '../model/definition';
import type { Edge } from '../model/edge';
import type { JourneyLayout } from '../model/layout';
import type { Localized } from '../model/localized';
import type { ExitNode } from '../nodes/exit';

export type JourneyTemplate = {
  id: string;
  name: Localized;
  description: Localized;
  definition: JourneyDefinition;
  layout: JourneyLayout;
};

/** Canvas grid the templates are drawn on: columns left to right, rows top to bottom. */
export const GRID = { column: 320, row: 180 } as const;

/** `{ send_cart: [2, 1] }` → column 2, row 1 in canvas pixels. */
export function grid(cells: Record<string, readonly [column: number, row: number]>): JourneyLayout {
  const layout: JourneyLayout = {};
  for (const [id, [column, row]] of Object.entries(cells)) {
    layout[id] = { x: column * GRID.column, y: row * GRID.row };
  }
  return layout;
}

/** Edges from `[source, port, target]`, with readable ids like 'send_cart.sent'. */
export function connect(...links: [source: string, port: string, target: string][]): Edge[] {
  return links.map(([source, sourcePort, target]) => ({
    id: `${source}.${sourcePort}`,
    source,
    sourcePort,
    target,
  }));
}

export function exitWith(outcome: string, name: string): ExitNode {
  return { type: 'exit', name, outcome };
}
