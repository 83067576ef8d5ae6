import type { BranchNode } from '@ruta/shared/workflow';
import { ELSE_PORT } from '@ruta/shared/workflow';
import { conditionContext, holds } from '../conditions';
import type { NodeHandler } from './types';

/** Pure: runs inside the workflow, no activity. The timeline records which case held and on what. */
export const branch: NodeHandler<BranchNode> = async (ctx, node) => {
  for (const [index, branchCase] of node.cases.entries()) {
    if (holds(ctx, branchCase.conditions)) {
      return {
        port: branchCase.port,
        detail: { case: index, label: branchCase.label, conditions: branchCase.conditions },
      };
    }
  }
  const { engagement } = conditionContext(ctx);
  return { port: ELSE_PORT, detail: { reason: 'no case held', engagement } };
};
