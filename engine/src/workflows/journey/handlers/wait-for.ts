import type { WaitForNode } from '@ruta/shared/workflow';
import { durationMs, TIMEOUT_PORT } from '@ruta/shared/workflow';
import { patched } from '@temporalio/workflow';
import { local } from '../activities';
import { flush } from '../journal';
import type { NodeHandler } from './types';
import { findEarlyMatch, findMatch, referencedMessage, type WaitMatch } from './wait-for-match';

/** `patched()` id: signals naming the watched message count even when they came before the wait. */
export const EARLY_SIGNALS = 'early-signals-for-message';

function describe(match: WaitMatch): Record<string, unknown> {
  const { entry, signal } = match;
  if (entry.type === 'event')
    return { signal: signal.kind, event: entry.signal.name, eventId: entry.signal.id };
  const { kind, text, buttonId, messageId } = entry.signal;
  return { signal: signal.kind, kind, text, buttonId, messageId };
}

/**
 * Waits for the first of the node's signals, or its timeout. Reacts as soon as the signal
 * arrives (no polling): the workflow wakes on the signal itself.
 */
export const waitFor: NodeHandler<WaitForNode> = async (ctx, node, nodeId) => {
  const since = referencedMessage(ctx, node)?.sentAt ?? Date.now();
  const deadline = ctx.realNow() + durationMs(node.timeout);
  let match = findMatch(ctx, node, since);
  if (!match) {
    // Asked only when it changes the answer: runs without such a signal record no marker.
    const early = findEarlyMatch(ctx, node, since);
    if (early && patched(EARLY_SIGNALS)) match = early;
  }
  if (!match) {
    const until = new Date(deadline).toISOString();
    ctx.waitingFor = {
      kind: 'signals',
      nodeId,
      ports: node.signals.map((s) => s.port),
      until,
      reply: node.signals.some((s) => s.kind === 'reply'),
    };
    ctx.record(nodeId, 'waiting', { ports: ctx.waitingFor.ports, until });
    await flush(ctx);
    await ctx.sleepUntil(deadline, () => {
      match = findMatch(ctx, node, since);
      return match !== undefined;
    });
    ctx.waitingFor = undefined;
  }
  if (ctx.interrupt) return { end: ctx.interrupt.outcome };
  if (!match) return { port: TIMEOUT_PORT, detail: { timeout: node.timeout } };
  const found: WaitMatch = match;
  found.entry.consumed = true;
  if (found.signal.kind === 'reply' && found.signal.saveAs && found.entry.type === 'engagement') {
    ctx.contact = await local.updateContact({
      workspaceId: ctx.input.workspaceId,
      contactId: ctx.input.contactId,
      journeyName: ctx.input.journeyName,
      triggerEvent: ctx.input.triggerEvent,
      changes: {
        set: {
          [found.signal.saveAs]: found.entry.signal.text ?? found.entry.signal.buttonId ?? '',
        },
      },
      literal: true,
    });
  }
  return { port: found.signal.port, detail: describe(found) };
};
