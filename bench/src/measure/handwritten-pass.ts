import path from 'node:path';
import { freePort, waitForPort } from '@ruta/platform';
import { cpuMeter } from '../cpu';
import { createHandwrittenSchema } from '../handwritten/store';
import type { Infra } from '../infra';
import { closedLoop, until } from '../load';
import type { BenchOptions } from '../options';
import { type NodeChild, REPO, spawnNode } from '../processes';
import { cartEvent } from '../ruta/api';
import { historyBytes } from './history-bytes';
import { type PgWrites, pgWrites } from './pg-writes';

const KEY = 'hw_bench_key_0123456789';

export interface HandwrittenResult {
  enrolled: number;
  enrollMs: number;
  /** Enrollments accepted per second: the handler answered 202. */
  perSecond: number;
  /** From the first enrollment until every run sent its WhatsApp and waits. */
  allWaitingMs: number;
  /** History events of one enrolled, waiting run (a count: no noise). */
  historyEvents: number;
  /** Bytes of that history as Temporal encodes it (protobuf). */
  historyBytes: number;
  cpu: { accept: Record<string, number>; settle: Record<string, number> };
  /** Rows written per enrollment, per table, and commits (PostgreSQL's statistics). */
  pgWrites: PgWrites;
}

/**
 * The honest baseline of #1 (issue «Enrollment at the engine's cost»): the same `cart_abandoned`
 * events as Ruta's pass, posted from as many callers to the hand-written handler
 * (handwritten/server.ts: store the event, `signalWithStart`), whose workflow sends the WhatsApp
 * through a provider activity that records it, then waits. The bare worker runs it.
 */
export async function handwrittenPass(
  infra: Infra,
  worker: NodeChild,
  taskQueue: string,
  options: BenchOptions,
): Promise<HandwrittenResult> {
  const n = options.waiting;
  await createHandwrittenSchema(infra.sql);
  const port = await freePort();
  const server = spawnNode('hw-api', path.join(REPO, 'bench/src/handwritten/server.ts'), {
    DATABASE_URL: infra.databaseUrl,
    TEMPORAL_ADDRESS: infra.temporalAddress,
    BENCH_TASK_QUEUE: taskQueue,
    HW_PORT: String(port),
    HW_KEY: KEY,
  });
  try {
    await waitForPort(port, 60_000);
    let waiting = 0;
    const offWaiting = worker.onMessage((m) => {
      if (m.t === 'waiting' && m.workflowId.startsWith('hw-cart/')) waiting += 1;
    });
    const workflows: string[] = new Array(n);
    const writes = await pgWrites(infra.sql);
    const enrollStart = performance.now();
    const enrollCpu = await cpuMeter();
    const enroll = await closedLoop(n, options.concurrency, async (i) => {
      const { body } = cartEvent('cart_abandoned', 'hw');
      const res = await fetch(`http://127.0.0.1:${port}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as { workflowId?: string };
      if (res.status !== 202 || !answer.workflowId)
        throw new Error(`not enrolled: ${res.status} ${JSON.stringify(answer)}`);
      workflows[i] = answer.workflowId;
    });
    const acceptCpu = await enrollCpu.stop();
    const settleCpu = await cpuMeter();
    if (enroll.errors > 0)
      throw new Error(`hand-written enrollment failed: ${String(enroll.firstError)}`);
    await until('every hand-written run to wait', async () => waiting >= n, 30 * 60_000);
    const settledAt = performance.now();
    const settleUsed = await settleCpu.stop();
    const written = await writes.stop(n);
    offWaiting();
    const history = await infra.client.workflow.getHandle(workflows[0] as string).fetchHistory();
    return {
      enrolled: n,
      enrollMs: enroll.ms,
      perSecond: (n * 1000) / enroll.ms,
      allWaitingMs: settledAt - enrollStart,
      historyEvents: history.events?.length ?? 0,
      historyBytes: historyBytes(history),
      cpu: { accept: acceptCpu, settle: settleUsed },
      pgWrites: written,
    };
  } finally {
    await server.stop();
  }
}
