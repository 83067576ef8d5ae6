import type { Channel, SendNode } from '@ruta/shared/workflow';
import { durationMs } from '@ruta/shared/workflow';
import { patched } from '@temporalio/workflow';
import { sendOnce } from './handlers/send';
import type { RunContext } from './run-context';
import type { EngagementSignal, SentMessage } from './types';

/**
 * `patched()` id: a `failed` status reported after the send makes the run try the send node's next
 * channel (DESIGN §8.3). Asked when such a status first arrives, so runs that never get one record
 * no marker, and histories from before it replay as they ran.
 */
export const FALLBACK_ON_STATUS = 'fallback-on-delivery-status';

/** Kinds of engagement that prove a message reached the person. */
const DELIVERY_PROOF = new Set(['delivered', 'read', 'open', 'click', 'reply']);

function sendNode(ctx: RunContext, message: SentMessage): SendNode | undefined {
  const node = ctx.definition.nodes[message.nodeId];
  return node?.type === 'send' ? node : undefined;
}

/** The node's channels after the one this message went out on (its fallbacks still to try). */
export function channelsAfter(ctx: RunContext, message: SentMessage): Channel[] {
  const node = sendNode(ctx, message);
  if (!node) return [];
  const channels = [node.channel, ...node.fallbackChannels];
  const index = channels.indexOf(message.channel);
  return index < 0 ? [] : channels.slice(index + 1);
}

/** Engagement signals received about one message, oldest first. */
function signalsAbout(ctx: RunContext, message: SentMessage): EngagementSignal[] {
  const found: EngagementSignal[] = [];
  for (const entry of ctx.received) {
    if (entry.type === 'engagement' && entry.signal.messageId === message.messageId)
      found.push(entry.signal);
  }
  return found;
}

/** The engagement handler's hook: a failed status for a message with channels left arms fallbacks. */
export function watchFailedStatus(ctx: RunContext, signal: EngagementSignal): void {
  if (ctx.fallbackOnStatus || signal.kind !== 'failed' || !signal.messageId) return;
  const message = ctx.sent.find((m) => m.messageId === signal.messageId);
  if (!message || channelsAfter(ctx, message).length === 0) return;
  ctx.fallbackOnStatus = patched(FALLBACK_ON_STATUS);
}

/** When (workflow time) a message's "not delivered within" expires; undefined when not watched. */
function silenceDeadline(ctx: RunContext, message: SentMessage): number | undefined {
  const after = sendNode(ctx, message)?.fallbackAfter;
  if (!after) return undefined;
  return message.sentAt + ctx.scaled(durationMs(after));
}

/**
 * The first sent message that must now be tried on its node's next channel: a failed status
 * came for it (unless the failure is an opt-out, final for the journey), or it was not confirmed
 * delivered within the node's `fallbackAfter`.
 */
export function fallbackDue(ctx: RunContext): SentMessage | undefined {
  for (const message of ctx.sent) {
    if (message.fellBack || channelsAfter(ctx, message).length === 0) continue;
    if (message.fallbackAt !== undefined) {
      if (Date.now() >= message.fallbackAt) return message;
      continue;
    }
    const about = signalsAbout(ctx, message);
    if (ctx.fallbackOnStatus) {
      const failed = about.find((s) => s.kind === 'failed');
      if (failed && failed.reason !== 'opted_out') return message;
    }
    const deadline = silenceDeadline(ctx, message);
    if (deadline !== undefined && Date.now() >= deadline && !heardOf(ctx, message, about))
      return message;
  }
  return undefined;
}

/** Proof the message arrived: a status about it, or any reply from the contact since it was sent. */
function heardOf(ctx: RunContext, message: SentMessage, about: EngagementSignal[]): boolean {
  if (about.some((s) => DELIVERY_PROOF.has(s.kind))) return true;
  return ctx.received.some(
    (entry) =>
      entry.type === 'engagement' &&
      entry.signal.kind === 'reply' &&
      entry.receivedAt >= message.sentAt,
  );
}

/** The earliest "not delivered within" deadline still ahead, for the sleeping run to wake at. */
export function nextSilenceDeadline(ctx: RunContext): number | undefined {
  let next: number | undefined;
  for (const message of ctx.sent) {
    if (message.fellBack || channelsAfter(ctx, message).length === 0) continue;
    const deadline = message.fallbackAt ?? silenceDeadline(ctx, message);
    if (deadline === undefined) continue;
    if (message.fallbackAt === undefined && heardOf(ctx, message, signalsAbout(ctx, message)))
      continue;
    if (next === undefined || deadline < next) next = deadline;
  }
  return next;
}

/**
 * Tries the message's next channels now, as the send node would have had the first channel failed
 * at once. A message that goes out joins the run's sent messages under the same node, so the
 * `wait_for` watching that node watches the attempt that went out.
 */
export async function fallBack(ctx: RunContext, message: SentMessage): Promise<void> {
  message.fellBack = true;
  const node = sendNode(ctx, message);
  if (!node) return;
  const failed = signalsAbout(ctx, message).some((s) => s.kind === 'failed');
  const why = failed ? 'delivery_failed' : 'not_delivered';
  const result = await sendOnce(ctx, node, message.nodeId, message.visit ?? 1, {
    startAfter: message.channel,
    why,
  });
  if ('deferredUntil' in result) {
    // Quiet hours or the frequency cap: tried again then, while the run goes on waiting.
    message.fellBack = false;
    message.fallbackAt = Date.now() + ctx.scaled(result.deferredUntil - ctx.realNow());
    ctx.record(message.nodeId, 'deferred', {
      reason: result.reason,
      until: new Date(result.deferredUntil).toISOString(),
      retryOf: message.channel,
    });
  }
}
