import type { Channel, SendNode } from '@ruta/shared/workflow';
import { ActivityFailure, workflowInfo } from '@temporalio/workflow';
import { channels } from '../activities';
import { flush } from '../journal';
import type { RunContext } from '../run-context';
import type { NodeHandler, NodeResult } from './types';

type SendOutcome = Awaited<ReturnType<typeof channels.sendMessage>>;

/** A later attempt of a send node: its channels after `startAfter`, and why (for the timeline). */
export interface FallbackAttempt {
  startAfter: Channel;
  why: 'delivery_failed' | 'not_delivered';
}

/**
 * Sends one message (with the node's fallback channels). The activity checks consent, quiet
 * hours, the frequency cap and the WhatsApp 24-hour window; when it says "not now" the run sleeps
 * durably until it may send, then asks again. Holdout runs record the message and send nothing.
 */
export const send: NodeHandler<SendNode> = async (ctx, node, nodeId, visit) => {
  for (let attempt = 1; ; attempt++) {
    const result = await sendOnce(ctx, node, nodeId, visit);
    if (!('deferredUntil' in result)) return result;
    const until = new Date(result.deferredUntil).toISOString();
    ctx.record(nodeId, 'deferred', { reason: result.reason, until, attempt });
    ctx.waitingFor = { kind: result.reason, nodeId, until };
    await flush(ctx);
    await ctx.sleepUntil(result.deferredUntil);
    ctx.waitingFor = undefined;
    if (ctx.interrupt) return { end: ctx.interrupt.outcome };
  }
};

/**
 * One try of a send node: the node's result, or the journey time it may send at (quiet hours,
 * frequency cap). A fallback attempt (`retry`) starts after the channel that failed, records what
 * went out as the node's message and never changes the run's path.
 */
export async function sendOnce(
  ctx: RunContext,
  node: SendNode,
  nodeId: string,
  visit: number,
  retry?: FallbackAttempt,
): Promise<NodeResult | { deferredUntil: number; reason: 'quiet_hours' | 'frequency_cap' }> {
  const { input } = ctx;
  let outcome: SendOutcome;
  try {
    outcome = await channels.sendMessage({
      runId: input.runId,
      workflowId: workflowInfo().workflowId,
      workspaceId: input.workspaceId,
      journeyId: input.journeyId,
      journeyName: input.journeyName,
      contactId: input.contactId,
      nodeId,
      visit,
      node: {
        channel: node.channel,
        fallbackChannels: node.fallbackChannels,
        content: node.content,
      },
      ...(retry ? { startAfter: retry.startAfter } : {}),
      runStartedAt: ctx.startedAt,
      triggerEvent: input.triggerEvent,
      holdout: ctx.holdout,
      preview: input.preview !== undefined,
      quietHours: ctx.definition.settings.quietHours,
      frequencyCap: ctx.definition.settings.frequencyCap,
      journeyNow: ctx.realNow(),
      lastInboundAt: ctx.contact.lastInboundAt,
    });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const reason = error.cause?.message ?? error.message;
    ctx.record(nodeId, 'message', {
      status: 'failed',
      reasons: [{ reason: 'provider_unavailable', message: reason }],
      ...(retry ? { retryOf: retry.startAfter, why: retry.why } : {}),
    });
    return { port: 'failed', detail: { reason: 'provider_unavailable' } };
  }
  ctx.contact = {
    ...outcome.contact,
    lastInboundAt: latestInbound(outcome.contact.lastInboundAt, ctx.contact.lastInboundAt),
  };
  if (outcome.status === 'deferred') {
    return { deferredUntil: outcome.until, reason: outcome.reason };
  }
  if (outcome.status === 'failed') {
    ctx.record(nodeId, 'message', {
      status: 'failed',
      reasons: outcome.reasons,
      ...(retry ? { retryOf: retry.startAfter, why: retry.why } : {}),
    });
    return { port: 'failed', detail: { reasons: outcome.reasons.map((r) => r.reason) } };
  }
  ctx.sent.push({
    nodeId,
    messageId: outcome.messageId,
    channel: outcome.channel,
    sentAt: Date.now(),
    visit,
  });
  ctx.record(nodeId, 'message', {
    status: outcome.status,
    messageId: outcome.messageId,
    channel: outcome.channel,
    format: outcome.format,
    ...(outcome.fallbackFrom
      ? { fallbackFrom: outcome.fallbackFrom, fallbackReasons: outcome.fallbackReasons ?? [] }
      : {}),
    ...(retry ? { retryOf: retry.startAfter, why: retry.why } : {}),
  });
  return {
    port: 'sent',
    detail: { channel: outcome.channel, held_out: outcome.status === 'held_out' },
  };
}

function latestInbound(
  a: Record<string, string | undefined>,
  b: Record<string, string | undefined>,
) {
  const merged: Record<string, string> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const latest = [a[key], b[key]]
      .filter((v): v is string => v !== undefined)
      .sort()
      .at(-1);
    if (latest) merged[key] = latest;
  }
  return merged;
}
