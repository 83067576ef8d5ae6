import type { JourneyNode } from '@ruta/shared/workflow';
import { handlers, type NodeResult } from './handlers/index';
import type { RunContext } from './run-context';

function assertNever(node: never): never {
  throw new Error(`no handler for node type ${JSON.stringify((node as { type?: unknown }).type)}`);
}

export function dispatch(
  ctx: RunContext,
  node: JourneyNode,
  nodeId: string,
  visit: number,
): Promise<NodeResult> {
  switch (node.type) {
    case 'send':
      return handlers.send(ctx, node, nodeId, visit);
    case 'wait':
      return handlers.wait(ctx, node, nodeId, visit);
    case 'wait_for':
      return handlers.wait_for(ctx, node, nodeId, visit);
    case 'branch':
      return handlers.branch(ctx, node, nodeId, visit);
    case 'split':
      return handlers.split(ctx, node, nodeId, visit);
    case 'update_contact':
      return handlers.update_contact(ctx, node, nodeId, visit);
    case 'webhook':
      return handlers.webhook(ctx, node, nodeId, visit);
    case 'handoff':
      return handlers.handoff(ctx, node, nodeId, visit);
    case 'exit':
      return handlers.exit(ctx, node, nodeId, visit);
    default:
      return assertNever(node);
  }
}
