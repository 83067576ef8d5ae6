import type { JourneyDefinition } from '../model/definition';
import type { Edge } from '../model/edge';
import type { JourneyLayout } from '../model/layout';
import type { Localized } from '../model/localized';
import type { ExitNode } from '../nodes/exit';
import type { JourneyNode } from '../nodes/index';

type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * A template's words in another language, by node id: step names, messages, buttons, labels,
 * notes. Laid over the definition field by field, list items by position; the structure stays.
 */
export type TemplateTexts = Record<string, DeepPartial<JourneyNode>>;

export type JourneyTemplate = {
  id: string;
  name: Localized;
  description: Localized;
  /** In Spanish (es-MX), what Spanish and English workspaces start from. */
  definition: JourneyDefinition;
  layout: JourneyLayout;
  /** The definition's texts in Brazilian Portuguese, for journeys created in Portuguese. */
  pt: TemplateTexts;
};

/** The definition with `texts` laid over its nodes. */
export function withTexts(definition: JourneyDefinition, texts: TemplateTexts): JourneyDefinition {
  const nodes = { ...definition.nodes };
  for (const [id, nodeTexts] of Object.entries(texts)) {
    const node = nodes[id];
    if (!node) throw new Error(`template texts for a node that does not exist: ${id}`);
    nodes[id] = overlay(node, nodeTexts) as JourneyNode;
  }
  return { ...definition, nodes };
}

function overlay(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (Array.isArray(base) && Array.isArray(over)) {
    return base.map((item, index) => overlay(item, over[index]));
  }
  if (isObject(base) && isObject(over)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) merged[key] = overlay(base[key], value);
    return merged;
  }
  return over;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
