import type { WaitNode } from '@ruta/shared/workflow';
import { durationMs, nextTimeOfDay } from '@ruta/shared/workflow';
import { flush } from '../journal';
import type { RunContext } from '../run-context';
import type { NodeHandler } from './types';

const DAY_MS = 86_400_000;

/** The instant (journey time) the wait ends, or a reason it does not wait at all. */
function waitTarget(ctx: RunContext, node: WaitNode): { until: number } | { skip: string } {
  const now = ctx.realNow();
  const until = node.until;
  switch (until.kind) {
    case 'duration':
      return { until: now + durationMs(until.duration) };
    case 'time_of_day':
      return {
        until: nextTimeOfDay(
          new Date(now),
          ctx.contact.timeZone,
          until.time,
          until.weekdays,
        ).getTime(),
      };
    case 'date_attribute': {
      const raw = ctx.contact.attributes[until.attribute];
      const base =
        typeof raw === 'string' || typeof raw === 'number' ? new Date(raw).getTime() : Number.NaN;
      if (Number.isNaN(base)) return { skip: 'attribute_missing' };
      const target = base + durationMs({ amount: until.offset.amount, unit: until.offset.unit });
      return target > now ? { until: target } : { skip: 'date_passed' };
    }
    case 'whatsapp_window': {
      const last = ctx.contact.lastInboundAt.whatsapp;
      if (!last) return { skip: 'window_closed' };
      const target = new Date(last).getTime() + DAY_MS - until.hoursBefore * 3_600_000;
      return target > now ? { until: target } : { skip: 'window_closing' };
    }
  }
}

export const wait: NodeHandler<WaitNode> = async (ctx, node, nodeId) => {
  const target = waitTarget(ctx, node);
  if ('skip' in target) return { port: 'next', detail: { skipped: target.skip } };
  const until = new Date(target.until).toISOString();
  ctx.waitingFor = { kind: 'time', nodeId, until };
  ctx.record(nodeId, 'waiting', { until });
  await flush(ctx);
  await ctx.sleepUntil(target.until);
  ctx.waitingFor = undefined;
  if (ctx.interrupt) return { end: ctx.interrupt.outcome };
  return { port: 'next' };
};
