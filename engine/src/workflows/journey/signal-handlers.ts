import { durationMs } from '@ruta/shared/workflow';
import { setHandler } from '@temporalio/workflow';
import { concernsThisEntry, holds } from './conditions';
import { watchFailedStatus } from './delivery-watch';
import type { RunContext } from './run-context';
import {
  engagementSignal,
  enrollSignal,
  eventSignal,
  exitSignal,
  handoffClosedSignal,
  stateQuery,
} from './signals';
import type { JourneyRunInput } from './types';

/**
 * Answers `state` while the run loads its contact (a round trip before `installSignalHandlers`),
 * so a query right after enrollment gets "starting" rather than an unregistered-query error.
 */
export function installStartingStateQuery(input: JourneyRunInput): void {
  setHandler(stateQuery, () => ({
    runId: input.runId,
    status: 'active',
    currentNodeId: undefined,
    waitingFor: undefined,
    outcome: undefined,
    convertedAt: input.carried?.convertedAt,
    visits: { ...(input.carried?.visits ?? {}) },
    group: input.group,
    preview: input.preview !== undefined,
  }));
}

/** Signals only record and flag; the interpreter loop acts on them (a goal or exit ends the run at once). */
export function installSignalHandlers(ctx: RunContext): void {
  const here = () => ctx.currentNodeId ?? 'trigger';
  setHandler(stateQuery, () => ctx.state());

  setHandler(engagementSignal, (signal) => {
    if (!ctx.takes(signal)) return;
    watchFailedStatus(ctx, signal);
    ctx.received.push({ type: 'engagement', receivedAt: Date.now(), signal });
    const { deliveryId: _delivery, runId: _run, ...detail } = signal;
    ctx.record(here(), 'signal', detail);
    if (signal.kind === 'reply' && signal.channel) {
      ctx.contact = {
        ...ctx.contact,
        lastInboundAt: { ...ctx.contact.lastInboundAt, [signal.channel]: signal.at },
      };
    }
  });

  setHandler(eventSignal, (signal) => {
    if (!ctx.takes(signal)) return;
    ctx.received.push({ type: 'event', receivedAt: Date.now(), signal });
    ctx.record(here(), 'signal', {
      kind: 'event',
      name: signal.name,
      eventId: signal.id,
      properties: signal.properties,
    });
    const goal = ctx.definition.settings.goal;
    if (!goal || signal.name !== goal.event) return;
    if (!concernsThisEntry(ctx, signal.properties)) return;
    if (!holds(ctx, goal.filters, signal.properties)) return;
    if (ctx.realNow() - ctx.startedAt > durationMs(goal.window)) return;
    if (!ctx.convertedAt) {
      ctx.convertedAt = new Date().toISOString();
      ctx.record(here(), 'goal', { event: signal.name, eventId: signal.id });
    }
    if (goal.exitOnGoal) ctx.interrupt ??= { outcome: 'converted', detail: { event: signal.name } };
  });

  setHandler(exitSignal, ({ deliveryId: _delivery, runId: _run, ...signal }) => {
    if (!ctx.takes({ deliveryId: _delivery, runId: _run })) return;
    ctx.record(here(), 'signal', { kind: 'exit', ...signal });
    ctx.interrupt ??= { outcome: 'removed', detail: { ...signal } };
  });

  setHandler(handoffClosedSignal, ({ deliveryId, runId, ...closed }) => {
    if (!ctx.takes({ deliveryId, runId })) return;
    ctx.record(here(), 'signal', { kind: 'handoff_closed', ...closed });
    ctx.handoffResults[closed.handoffId] = closed.result;
  });

  setHandler(enrollSignal, ({ eventId, ...delivery }) => {
    if (!ctx.takes(delivery)) return;
    if (eventId && eventId !== ctx.input.triggerEvent?.id) {
      ctx.record(here(), 'signal', {
        kind: 'enroll_again',
        eventId,
        ignored: 'already in this journey',
      });
    }
  });
}
