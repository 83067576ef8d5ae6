import { replyIntent } from '@ruta/shared/workflow';
import type { RunContext } from './run-context';
import type { ReceivedSignal } from './types';

/** What the run knows of the contact's engagement so far (branch conditions read it). */
export function engagementFacts(ctx: RunContext): Record<string, unknown> {
  return foldEngagement(ctx.engagementBefore, ctx.received);
}

/**
 * Engagement facts from `signals` (oldest first) on top of `before`: the facts of signals a run
 * no longer holds, e.g. those a continue-as-new did not carry.
 */
export function foldEngagement(
  before: Record<string, unknown> | undefined,
  signals: readonly ReceivedSignal[],
): Record<string, unknown> {
  const facts: Record<string, unknown> = {
    replied: false,
    opened: false,
    clicked: false,
    read: false,
    delivered: false,
    last_reply_intent: null,
    ...before,
  };
  for (const entry of signals) {
    if (entry.type !== 'engagement') continue;
    const { kind } = entry.signal;
    if (kind === 'reply') {
      facts.replied = true;
      facts.delivered = true;
      facts.last_reply_intent = replyIntent(entry.signal);
    }
    if (kind === 'open') facts.opened = true;
    if (kind === 'click') facts.clicked = facts.opened = true;
    if (kind === 'read') facts.read = facts.opened = true;
    if (kind === 'delivered' || kind === 'read' || kind === 'open' || kind === 'click')
      facts.delivered = true;
  }
  return facts;
}
