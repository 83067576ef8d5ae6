import type { HandoffNode } from '@ruta/shared/workflow';
import { DEFAULT_HANDOFF_TIMEOUT, durationMs, TIMEOUT_PORT } from '@ruta/shared/workflow';
import { log, workflowInfo } from '@temporalio/workflow';
import { local, notifications } from '../activities';
import { flush } from '../journal';
import type { NodeHandler } from './types';

/**
 * Hands the conversation to a person: a conversation in the queue's inbox with the run's context,
 * and its notifications. A step that waits for the agent pauses the run until they close it and
 * goes on by the result (or `timeout`); a goal or a removal still ends the run meanwhile.
 */
export const handoff: NodeHandler<HandoffNode> = async (ctx, node, nodeId, visit) => {
  if (ctx.holdout) {
    ctx.record(nodeId, 'handoff', { skipped: 'holdout' });
    return node.waitForAgent
      ? { port: TIMEOUT_PORT, detail: { skipped: 'holdout' } }
      : { port: 'next', detail: { skipped: 'holdout' } };
  }
  const { input } = ctx;
  const reply = [...ctx.received]
    .reverse()
    .find((r) => r.type === 'engagement' && r.signal.kind === 'reply');
  const lastReply =
    reply?.type === 'engagement' && reply.signal.channel
      ? {
          channel: reply.signal.channel,
          text: reply.signal.text ?? null,
          buttonId: reply.signal.buttonId ?? null,
          at: reply.signal.at,
        }
      : undefined;
  const task = await local.createHandoff({
    workspaceId: input.workspaceId,
    runId: input.runId,
    contactId: input.contactId,
    journeyName: input.journeyName,
    triggerEvent: input.triggerEvent,
    queue: node.queue,
    note: node.note,
    nodeId,
    waits: node.waitForAgent === true,
    lastChannel: ctx.sent.at(-1)?.channel,
    ...(lastReply ? { lastReply } : {}),
    idempotencyKey: `${workflowInfo().workflowId}:${nodeId}:${visit}`,
  });
  ctx.record(nodeId, 'handoff', { taskId: task.taskId, queue: node.queue });
  // The badge needs nothing; only a queue with emails or a webhook costs the run an activity.
  if (task.created && task.notify) {
    try {
      await notifications.notifyHandoff({ handoffId: task.taskId });
    } catch {
      // The inbox shows it all the same; the webhook or the emails gave up after their retries.
      log.warn('hand-off notifications gave up', { handoffId: task.taskId });
    }
  }
  if (!node.waitForAgent) return { port: 'next', detail: { taskId: task.taskId } };

  const timeout = node.timeout ?? DEFAULT_HANDOFF_TIMEOUT;
  const deadline = ctx.realNow() + durationMs(timeout);
  const closed = () => ctx.handoffResults[task.taskId] !== undefined;
  if (!closed()) {
    const until = new Date(deadline).toISOString();
    ctx.waitingFor = { kind: 'agent', nodeId, until };
    ctx.record(nodeId, 'waiting', { agent: node.queue, until });
    await flush(ctx);
    await ctx.sleepUntil(deadline, closed);
    ctx.waitingFor = undefined;
  }
  if (ctx.interrupt) return { end: ctx.interrupt.outcome };
  const result = ctx.handoffResults[task.taskId];
  if (result === undefined) return { port: TIMEOUT_PORT, detail: { taskId: task.taskId, timeout } };
  return { port: result, detail: { taskId: task.taskId, result } };
};
