import { classifyReply } from '@ruta/shared';
import type { RunContext } from './run-context';

/** What the run knows of the contact's engagement so far (branch conditions read it). */
export function engagementFacts(ctx: RunContext): Record<string, unknown> {
  const facts: Record<string, unknown> = {
    replied: false,
    opened: false,
    clicked: false,
    read: false,
    delivered: false,
    last_reply_intent: null,
  };
  for (const entry of ctx.received) {
    if (entry.type !== 'engagement') continue;
    const { kind, text } = entry.signal;
    if (kind === 'reply') {
      facts.replied = true;
      facts.delivered = true;
      facts.last_reply_intent = text ? classifyReply(text) : null;
    }
    if (kind === 'open') facts.opened = true;
    if (kind === 'click') facts.clicked = facts.opened = true;
    if (kind === 'read') facts.read = facts.opened = true;
    if (kind === 'delivered' || kind === 'read' || kind === 'open' || kind === 'click')
      facts.delivered = true;
  }
  return facts;
}
