import {
  type JourneyDefinition,
  type JourneyLayout,
  outputPortsOf,
  TRIGGER_NODE_ID,
} from '@ruta/shared';
import type { ELK } from 'elkjs/lib/elk-api.js';

/** ELK (~1.4 MB) loads the first time a layout is asked for, not with the editor. */
let elk: Promise<ELK> | undefined;
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk());
  return elk;
}

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 110;

/** Top-to-bottom layered layout with ports in their declared order; pure: the journey in, positions out. */
export async function layoutJourney(
  definition: JourneyDefinition,
  sizes: Record<string, { width: number; height: number }> = {},
): Promise<JourneyLayout> {
  const ids = [TRIGGER_NODE_ID, ...Object.keys(definition.nodes)];
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '50',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.portConstraints': 'FIXED_ORDER',
    },
    children: ids.map((id) => {
      const node = definition.nodes[id];
      const ports = id === TRIGGER_NODE_ID ? ['next'] : node ? outputPortsOf(node) : [];
      return {
        id,
        width: sizes[id]?.width ?? NODE_WIDTH,
        height: sizes[id]?.height ?? NODE_HEIGHT,
        ports: [
          { id: `${id}:in`, layoutOptions: { 'elk.port.side': 'NORTH' } },
          ...ports.map((port, index) => ({
            id: `${id}:${port}`,
            layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(index) },
          })),
        ],
        layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      };
    }),
    edges: definition.edges
      .filter((e) => ids.includes(e.source) && ids.includes(e.target))
      .map((e) => ({
        id: e.id,
        sources: [`${e.source}:${e.sourcePort}`],
        targets: [`${e.target}:in`],
      })),
  };
  const result = await (await loadElk()).layout(graph);
  const layout: JourneyLayout = {};
  for (const child of result.children ?? [])
    layout[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return layout;
}
