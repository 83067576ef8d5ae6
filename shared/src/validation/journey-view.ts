import type { JourneyDefinition } from '../model/definition';
import { Edge } from '../model/edge';
import { TRIGGER_NODE_ID } from '../model/ids';
import type { Localized } from '../model/localized';
import { JourneySettings } from '../model/settings';
import { Trigger } from '../model/trigger';
import {
  isNodeType,
  JourneyNode,
  type NodeKind,
  type NodeType,
  nodeKinds,
  outputPortsOf,
} from '../nodes/index';

/** A node as far as it could be read: graph checks still run on nodes that failed the schema. */
export type NodeView = {
  id: string;
  raw: unknown;
  type: NodeType | undefined;
  /** Set when the node passed its schema. */
  node: JourneyNode | undefined;
  /** Undefined when the outputs cannot be told (unknown type, unreadable fields). */
  ports: readonly string[] | undefined;
  exitPorts: readonly string[];
  bounded: boolean;
};

export type EdgeView = Edge & { index: number };

export type JourneyView = {
  triggerPresent: boolean;
  trigger: Trigger | undefined;
  triggerKind: string | undefined;
  nodes: Map<string, NodeView>;
  /** Edges that passed their schema, with their position in `edges`. */
  edges: EdgeView[];
  settings: JourneySettings | undefined;
};

/** Reads whatever it can from an arbitrary value; never throws. */
export function viewJourney(input: unknown, parsed?: JourneyDefinition): JourneyView {
  const rawTrigger = field(input, 'trigger');
  // When the whole definition parsed, its parts are reused rather than parsed again.
  const trigger = parsed
    ? { success: true as const, data: parsed.trigger }
    : Trigger.safeParse(rawTrigger);
  const rawKind = field(rawTrigger, 'kind');
  const settings = parsed
    ? { success: true as const, data: parsed.settings }
    : JourneySettings.safeParse(field(input, 'settings') ?? {});
  return {
    triggerPresent: rawTrigger !== undefined && rawTrigger !== null,
    trigger: trigger.success ? trigger.data : undefined,
    triggerKind: trigger.success
      ? trigger.data.kind
      : typeof rawKind === 'string'
        ? rawKind
        : undefined,
    nodes: viewNodes(field(input, 'nodes'), parsed?.nodes),
    edges: viewEdges(field(input, 'edges')),
    settings: settings.success ? settings.data : undefined,
  };
}

function viewNodes(raw: unknown, parsedNodes?: Record<string, JourneyNode>): Map<string, NodeView> {
  const nodes = new Map<string, NodeView>();
  if (!isRecord(raw) || Array.isArray(raw)) return nodes;
  for (const id of Object.keys(raw)) {
    if (id === TRIGGER_NODE_ID) continue;
    const rawNode = field(raw, id);
    const rawType = field(rawNode, 'type');
    const type = isNodeType(rawType) ? rawType : undefined;
    const node = parsedNodes?.[id] ?? parsedNode(rawNode);
    const exitPorts = field(rawNode, 'exitPorts');
    const maxVisits = field(rawNode, 'maxVisits');
    nodes.set(id, {
      id,
      raw: rawNode,
      type,
      node,
      ports: node ? outputPortsOf(node) : loosePorts(type, rawNode),
      exitPorts: Array.isArray(exitPorts)
        ? exitPorts.filter((port) => typeof port === 'string')
        : [],
      bounded: typeof maxVisits === 'number' && maxVisits >= 1,
    });
  }
  return nodes;
}

function parsedNode(raw: unknown): JourneyNode | undefined {
  const parsed = JourneyNode.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Outputs of a node that failed its schema, read from its raw fields when that works. */
function loosePorts(type: NodeType | undefined, raw: unknown): string[] | undefined {
  if (type === undefined) return undefined;
  try {
    const kind = nodeKinds[type] as unknown as NodeKind<JourneyNode>;
    const ports: unknown[] = kind.outputPorts(raw as JourneyNode);
    return ports.every((port) => typeof port === 'string' && port !== '')
      ? (ports as string[])
      : undefined;
  } catch {
    return undefined;
  }
}

function viewEdges(raw: unknown): EdgeView[] {
  if (!Array.isArray(raw)) return [];
  const edges: EdgeView[] = [];
  raw.forEach((rawEdge, index) => {
    const parsed = Edge.safeParse(rawEdge);
    if (parsed.success) edges.push({ ...parsed.data, index });
  });
  return edges;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** An own property of an object, or undefined (never the prototype's). */
export function field(value: unknown, key: PropertyKey): unknown {
  if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<PropertyKey, unknown>)[key];
}

/** A step as the marketer knows it: its name, else its kind («Enviar mensaje»), else its id. */
export function stepName(view: JourneyView, id: string): Localized {
  const node = view.nodes.get(id);
  const name = field(node?.raw, 'name');
  if (typeof name === 'string' && name.trim() !== '') return { es: name, pt: name, en: name };
  if (node?.type) return nodeKinds[node.type].label;
  return { es: id, pt: id, en: id };
}
