import type { JourneyNode, NodeOfType, NodeType } from '@ruta/shared/workflow';
import type { RunContext } from '../run-context';

/** A node either leaves through an output port or ends the run with an outcome. */
export type NodeResult =
  | { port: string; detail?: Record<string, unknown> }
  | { end: string; detail?: Record<string, unknown> };

export type NodeHandler<N extends JourneyNode> = (
  ctx: RunContext,
  node: N,
  nodeId: string,
  visit: number,
) => Promise<NodeResult>;

export type HandlerRegistry = { [T in NodeType]: NodeHandler<NodeOfType<T>> };
