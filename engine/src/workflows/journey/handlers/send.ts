import type { SendNode } from '@ruta/shared/workflow';
import { ActivityFailure, workflowInfo } from '@temporalio/workflow';
import { channels } from '../activities';
import { flush } from '../journal';
import type { NodeHandler } from './types';

/**
 * Sends one message (with the node's fallback channels). The activity checks consent, quiet
 * hours, the frequency cap and the WhatsApp 24-hour window; when it says "not now" the run sleeps
 * durably until it may send, then asks again. Holdout runs record the message and send nothing.
 */
export const send: NodeHandler<SendNode> = async (ctx, node, nodeId, visit) => {
  const { input } = ctx;
  for (let attempt = 1; ; attempt++) {
    let outcome: Awaited<ReturnType<typeof channels.sendMessage>>;
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
      });
      return { port: 'failed', detail: { reason: 'provider_unavailable' } };
    }
    ctx.contact = {
      ...outcome.contact,
      lastInboundAt: latestInbound(outcome.contact.lastInboundAt, ctx.contact.lastInboundAt),
    };
    if (outcome.status === 'deferred') {
      const until = new Date(outcome.until).toISOString();
      ctx.record(nodeId, 'deferred', { reason: outcome.reason, until, attempt });
      ctx.waitingFor = { kind: outcome.reason, nodeId, until };
      await flush(ctx);
      await ctx.sleepUntil(outcome.until);
      ctx.waitingFor = undefined;
      if (ctx.interrupt) return { end: ctx.interrupt.outcome };
      continue;
    }
    if (outcome.status === 'failed') {
      ctx.record(nodeId, 'message', { status: 'failed', reasons: outcome.reasons });
      return { port: 'failed', detail: { reasons: outcome.reasons.map((r) => r.reason) } };
    }
    ctx.sent.push({
      nodeId,
      messageId: outcome.messageId,
      channel: outcome.channel,
      sentAt: Date.now(),
    });
    ctx.record(nodeId, 'message', {
      status: outcome.status,
      messageId: outcome.messageId,
      channel: outcome.channel,
      format: outcome.format,
      ...(outcome.fallbackFrom
        ? { fallbackFrom: outcome.fallbackFrom, fallbackReasons: outcome.fallbackReasons ?? [] }
        : {}),
    });
    return {
      port: 'sent',
      detail: { channel: outcome.channel, held_out: outcome.status === 'held_out' },
    };
  }
};

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
