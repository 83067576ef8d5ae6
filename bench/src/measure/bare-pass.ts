import { WorkflowIdReusePolicy } from '@temporalio/common';
import { cpuMeter } from '../cpu';
import type { Infra } from '../infra';
import { closedLoop, openLoop, until } from '../load';
import type { BenchOptions } from '../options';
import type { NodeChild } from '../processes';
import { sampleRss } from '../processes';
import { type Distribution, distribution } from '../stats';
import { type PassResult, sampleIndexes } from './pass';

const DAY_MS = 24 * 3_600_000;

/**
 * The bare side of #1, #2 and #4: `signalWithStart` of the minimal workflow from `concurrency`
 * callers, then the same population waiting while replies arrive at a fixed rate.
 */
export async function barePass(
  infra: Infra,
  worker: NodeChild,
  taskQueue: string,
  options: BenchOptions,
): Promise<PassResult> {
  const n = options.waiting;
  const prefix = `${taskQueue}/wf-`;
  let waiting = 0;
  const offWaiting = worker.onMessage((m) => {
    if (m.t === 'waiting') waiting += 1;
  });
  const rss = sampleRss(worker.rssMb);
  const enrollStart = performance.now();
  const enrollCpu = await cpuMeter();
  const enroll = await closedLoop(n, options.concurrency, (i) =>
    infra.client.workflow.signalWithStart('minimalWorkflow', {
      taskQueue,
      workflowId: `${prefix}${i}`,
      args: [{ timeoutMs: DAY_MS }],
      signal: 'enroll',
      signalArgs: [{}],
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    }),
  );
  const acceptCpu = await enrollCpu.stop();
  const settleCpu = await cpuMeter();
  if (enroll.errors > 0) throw new Error(`bare enrollment failed: ${String(enroll.firstError)}`);
  await until('every bare run to wait', async () => waiting >= n, 20 * 60_000);
  const settledAt = performance.now();
  const settleUsed = await settleCpu.stop();
  offWaiting();
  await new Promise((r) => setTimeout(r, 2_000));
  const afterEnroll = await worker.rssMb();

  const replyCpu = await cpuMeter();
  const latency = await measureReplies(
    worker,
    'send',
    options,
    (i) => infra.client.workflow.getHandle(`${prefix}${i}`).signal('reply', { buttonId: 'buy' }),
    (i) => `${prefix}${i}`,
  );
  const replyUsed = await replyCpu.stop();
  const peaks = rss.stop();
  return {
    enrolled: n,
    enrollMs: enroll.ms,
    perSecond: (n * 1000) / enroll.ms,
    allWaitingMs: settledAt - enrollStart,
    rssAfterEnrollMb: afterEnroll,
    rssPeakMb: peaks.peak,
    rssAfterRepliesMb: await worker.rssMb(),
    ...latency,
    cpu: { accept: acceptCpu, settle: settleUsed, replies: replyUsed },
  };
}

/**
 * Sends `options.replies` replies at `options.replyRate` per second to random waiting runs and
 * measures, per reply, from just before the call to the moment the worker starts the next
 * activity (`activityType`) of that workflow (the probe's timestamp; same machine, same clock).
 */
export async function measureReplies(
  worker: NodeChild,
  activityType: string,
  options: BenchOptions,
  reply: (index: number) => Promise<unknown>,
  workflowIdOf: (index: number) => string,
): Promise<{
  latency: Distribution;
  toScheduled: Distribution;
  scheduledToStart: Distribution;
  replyErrors: number;
}> {
  const indexes = sampleIndexes(options.waiting, options.replies);
  const sentAt = new Map<string, number>();
  const total: number[] = [];
  const toScheduled: number[] = [];
  const scheduledToStart: number[] = [];
  const off = worker.onMessage((m) => {
    if (m.t !== 'activity' || m.type !== activityType) return;
    const t0 = sentAt.get(m.workflowId);
    if (t0 === undefined) return;
    sentAt.delete(m.workflowId);
    total.push(m.startedAt - t0);
    toScheduled.push(m.scheduledAt - t0);
    scheduledToStart.push(m.startedAt - m.scheduledAt);
  });
  const run = await openLoop(indexes.length, options.replyRate, async (k) => {
    const index = indexes[k] as number;
    const id = workflowIdOf(index);
    sentAt.set(id, Date.now());
    await reply(index);
  });
  await until('every reply to start its activity', async () => sentAt.size === 0, 120_000).catch(
    () => undefined,
  );
  off();
  return {
    latency: distribution(total),
    toScheduled: distribution(toScheduled),
    scheduledToStart: distribution(scheduledToStart),
    replyErrors: run.errors + sentAt.size,
  };
}
