import {
  type Edge,
  type JourneyDefinition,
  type JourneyLayout,
  type JourneyNode,
  outputPortsOf,
  TRIGGER_NODE_ID,
  type Trigger,
  type ValidationProblem,
} from '@ruta/shared';
import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';

export type JourneyNodeData = {
  kind: 'trigger' | JourneyNode['type'];
  node?: JourneyNode;
  trigger?: Trigger;
  ports: string[];
  problems: ValidationProblem[];
};

export type JourneyFlowNode = FlowNode<JourneyNodeData>;
export type JourneyFlowEdge = FlowEdge<{ port: string }>;

/** The journey as React Flow draws it: the trigger plus one node per step, one edge per connection. */
export function toFlow(
  definition: JourneyDefinition,
  layout: JourneyLayout,
  problems: readonly ValidationProblem[] = [],
): { nodes: JourneyFlowNode[]; edges: JourneyFlowEdge[] } {
  const problemsOf = (id: string) => problems.filter((p) => p.nodeId === id);
  const nodes: JourneyFlowNode[] = [
    {
      id: TRIGGER_NODE_ID,
      type: 'trigger',
      position: layout[TRIGGER_NODE_ID] ?? { x: 0, y: 0 },
      deletable: false,
      data: {
        kind: 'trigger',
        trigger: definition.trigger,
        ports: ['next'],
        problems: problemsOf(TRIGGER_NODE_ID),
      },
    },
    ...Object.entries(definition.nodes).map(([id, node]) => ({
      id,
      type: node.type,
      position: layout[id] ?? { x: 0, y: 0 },
      data: { kind: node.type, node, ports: safePorts(node), problems: problemsOf(id) },
    })),
  ];
  const edges: JourneyFlowEdge[] = definition.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    type: 'journey',
    data: { port: edge.sourcePort },
  }));
  return { nodes, edges };
}

/** Back from React Flow: node data and positions, edges with their ports. The inverse of `toFlow`. */
export function fromFlow(
  nodes: readonly JourneyFlowNode[],
  edges: readonly JourneyFlowEdge[],
  base: Pick<JourneyDefinition, 'schemaVersion' | 'settings'>,
): { definition: JourneyDefinition; layout: JourneyLayout } | { error: string } {
  const trigger = nodes.find((n) => n.id === TRIGGER_NODE_ID)?.data.trigger;
  if (!trigger) return { error: 'the canvas has no trigger' };
  const journeyNodes: Record<string, JourneyNode> = {};
  const layout: JourneyLayout = {};
  for (const node of nodes) {
    layout[node.id] = { x: node.position.x, y: node.position.y };
    if (node.id === TRIGGER_NODE_ID) continue;
    if (!node.data.node) return { error: `node ${node.id} has no step data` };
    journeyNodes[node.id] = node.data.node;
  }
  const journeyEdges: Edge[] = [];
  for (const edge of edges) {
    const port = edge.sourceHandle ?? edge.data?.port;
    if (!port) return { error: `connection ${edge.id} has no output port` };
    journeyEdges.push({ id: edge.id, source: edge.source, sourcePort: port, target: edge.target });
  }
  return {
    definition: {
      schemaVersion: base.schemaVersion,
      trigger,
      nodes: journeyNodes,
      edges: journeyEdges,
      settings: base.settings,
    },
    layout,
  };
}

function safePorts(node: JourneyNode): string[] {
  try {
    return outputPortsOf(node);
  } catch {
    return [];
  }
}
