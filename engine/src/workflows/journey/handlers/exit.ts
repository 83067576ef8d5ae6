import type { ExitNode } from '@ruta/shared/workflow';
import type { NodeHandler } from './types';

export const exit: NodeHandler<ExitNode> = async (_ctx, node) => ({ end: node.outcome });
