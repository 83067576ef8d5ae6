import {
  type JourneyDefinition,
  type JourneyLayout,
  outputPortsOf,
  TRIGGER_NODE_ID,
} from '@ruta/shared';
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { CardKind } from './kinds/index';
import { cardHeight, cardWidth, portX } from './nodes/card-size';

/** ELK (~1.4 MB) loads the first time a layout is asked for, not with the editor. */
let elk: Promise<ELK> | undefined;
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk());
  return elk;
}

export type Point = { x: number; y: number };

/**
 * A connection as ELK routed it: orthogonal, around every card, from the source's port to the
 * target's top; valid while both ends stay where the layout put them.
 */
export interface EdgeRoute {
  points: Point[];
  source: Point;
  target: Point;
}

export interface LaidOutJourney {
  layout: JourneyLayout;
  routes: Record<string, EdgeRoute>;
}

/** Each card's box: the widths the cards are drawn with, and the most they grow in height. */
export function cardBoxes(definition: JourneyDefinition) {
  const boxes: Record<string, { width: number; height: number; ports: string[] }> = {};
  boxes[TRIGGER_NODE_ID] = {
    width: cardWidth('trigger', 1),
    height: cardHeight('trigger'),
    ports: ['next'],
  };
  for (const [id, node] of Object.entries(definition.nodes)) {
    const ports = outputPortsOf(node);
    const kind: CardKind = node.type;
    boxes[id] = { width: cardWidth(kind, ports.length), height: cardHeight(kind), ports };
  }
  return boxes;
}

/**
 * Top-to-bottom layered layout with each port where its card draws it and orthogonal connections
 * routed between the layers; pure: the journey in, positions and routes out.
 */
export async function layoutJourney(definition: JourneyDefinition): Promise<LaidOutJourney> {
  const boxes = cardBoxes(definition);
  const ids = Object.keys(boxes);
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.layered.spacing.edgeNodeBetweenLayers': '20',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.edgeNode': '20',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: ids.map((id) => {
      const box = boxes[id] as (typeof boxes)[string];
      return {
        id,
        width: box.width,
        height: box.height,
        // Each port where the card draws its handle, so a route starts right under it.
        ports: [
          {
            id: `${id}:in`,
            x: box.width / 2,
            y: 0,
            width: 0,
            height: 0,
            layoutOptions: { 'elk.port.side': 'NORTH' },
          },
          ...box.ports.map((port, index) => ({
            id: `${id}:${port}`,
            x: portX(box.width, box.ports.length, index),
            y: box.height,
            width: 0,
            height: 0,
            layoutOptions: { 'elk.port.side': 'SOUTH' },
          })),
        ],
        layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      };
    }),
    edges: definition.edges
      .filter((e) => boxes[e.source] && boxes[e.target])
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
  const routes: Record<string, EdgeRoute> = {};
  for (const edge of (result.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    const original = definition.edges.find((e) => e.id === edge.id);
    if (!section || !original) continue;
    const source = layout[original.source];
    const target = layout[original.target];
    if (!source || !target) continue;
    routes[edge.id] = {
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(round),
      source,
      target,
    };
  }
  return { layout, routes };
}

const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });
