import type { WaitForNode, WaitSignal } from '@ruta/shared/workflow';
import { matchesReply } from '@ruta/shared/workflow';
import { concernsThisEntry, holds } from '../conditions';
import type { RunContext } from '../run-context';
import type { EngagementKind, ReceivedSignal, SentMessage } from '../types';

/** Engagement kinds that satisfy each message signal (a WhatsApp "read" is the open of a chat message). */
const SATISFIES: Record<'open' | 'click' | 'delivered' | 'read', EngagementKind[]> = {
  open: ['open', 'read', 'click'],
  read: ['read', 'open'],
  click: ['click'],
  delivered: ['delivered', 'read', 'open', 'click', 'reply'],
};

export interface WaitMatch {
  signal: WaitSignal;
  entry: ReceivedSignal;
}

/** The send the wait is about: the named send node's latest message, or the run's latest. */
export function referencedMessage(ctx: RunContext, node: WaitForNode): SentMessage | undefined {
  const candidates = node.messageNodeId
    ? ctx.sent.filter((m) => m.nodeId === node.messageNodeId)
    : ctx.sent;
  return candidates.at(-1);
}

function matches(
  ctx: RunContext,
  signal: WaitSignal,
  entry: ReceivedSignal,
  message: SentMessage | undefined,
) {
  if (signal.kind === 'event') {
    if (entry.type !== 'event') return false;
    const { name, properties } = entry.signal;
    if (name !== signal.event) return false;
    if (signal.scope === 'entry_key' && !concernsThisEntry(ctx, properties)) return false;
    return holds(ctx, signal.filters, properties);
  }
  if (entry.type !== 'engagement') return false;
  const engagement = entry.signal;
  if (signal.kind === 'reply') {
    return engagement.kind === 'reply' && matchesReply(engagement, signal.match);
  }
  if (!SATISFIES[signal.kind].includes(engagement.kind)) return false;
  return !message || !engagement.messageId || engagement.messageId === message.messageId;
}

/**
 * A signal that names the referenced message but arrived before the run learnt the send was done
 * (a reply to a message whose send activity was still completing: a worker died after the
 * provider took it, and the retry finished later). It concerns this wait all the same.
 */
export function findEarlyMatch(ctx: RunContext, node: WaitForNode, since: number) {
  const message = referencedMessage(ctx, node);
  if (!message) return undefined;
  for (const entry of ctx.received) {
    if (entry.receivedAt >= since || entry.consumed) continue;
    if (entry.type !== 'engagement' || entry.signal.messageId !== message.messageId) continue;
    for (const signal of node.signals) {
      if (matches(ctx, signal, entry, message)) return { signal, entry } satisfies WaitMatch;
    }
  }
  return undefined;
}

/**
 * The earliest signal received since the referenced send (or the wait's start when there is none)
 * that one of the node's signals accepts, in the node's order. Each received signal wakes one wait only.
 */
export function findMatch(ctx: RunContext, node: WaitForNode, since: number) {
  const message = referencedMessage(ctx, node);
  for (const entry of ctx.received) {
    if (entry.receivedAt < since || entry.consumed) continue;
    for (const signal of node.signals) {
      if (matches(ctx, signal, entry, message)) return { signal, entry } satisfies WaitMatch;
    }
  }
  return undefined;
}
