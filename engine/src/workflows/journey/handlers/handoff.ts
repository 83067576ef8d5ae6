import type { HandoffNode } from '@ruta/shared/workflow';
import { workflowInfo } from '@temporalio/workflow';
import { local } from '../activities';
import type { NodeHandler } from './types';

export const handoff: NodeHandler<HandoffNode> = async (ctx, node, nodeId, visit) => {
  if (ctx.holdout) {
    ctx.record(nodeId, 'handoff', { skipped: 'holdout' });
    return { port: 'next', detail: { skipped: 'holdout' } };
  }
  const { input } = ctx;
  const task = await local.createHandoff({
    workspaceId: input.workspaceId,
    runId: input.runId,
    contactId: input.contactId,
    journeyName: input.journeyName,
    triggerEvent: input.triggerEvent,
    queue: node.queue,
    note: node.note,
    idempotencyKey: `${workflowInfo().workflowId}:${nodeId}:${visit}`,
  });
  ctx.record(nodeId, 'handoff', { taskId: task.taskId, queue: node.queue });
  return { port: 'next', detail: { taskId: task.taskId } };
};
