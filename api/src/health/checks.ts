import { randomUUID } from 'node:crypto';
import { outboxStats } from '@ruta/engine';
import type { AppDeps } from '../deps';

export interface Check {
  ok: boolean;
  latencyMs: number;
  error?: string;
  [detail: string]: unknown;
}

async function timed(
  what: string,
  fn: () => Promise<Record<string, unknown> | undefined>,
): Promise<Check> {
  const started = performance.now();
  try {
    const details = await fn();
    return { ok: true, latencyMs: Math.round(performance.now() - started), ...details };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: `${what} did not answer`,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function checkPostgres({ sql }: AppDeps) {
  return timed('PostgreSQL', async () => {
    await withTimeout(sql`select 1`, 3_000, 'PostgreSQL');
    return undefined;
  });
}

export function checkTemporal({ temporal, config }: AppDeps) {
  return timed('Temporal', async () => {
    // The deadline ends the gRPC call itself (its retries too), not only our wait for it.
    await withTimeout(
      temporal.withDeadline(Date.now() + 3_000, () =>
        temporal.workflowService.describeNamespace({ namespace: config.temporalNamespace }),
      ),
      3_100,
      'Temporal',
    );
    return { namespace: config.temporalNamespace };
  });
}

/** Signals written for Temporal and not yet delivered (DESIGN §8.2): depth and oldest age. */
export function checkOutbox({ sql }: AppDeps) {
  return timed('PostgreSQL', async () => ({
    ...(await withTimeout(outboxStats(sql), 3_000, 'PostgreSQL')),
  }));
}

/**
 * Runs the probe workflow: proves a worker polls the task queue and reaches PostgreSQL. It starts
 * a workflow and writes a row, so only a signed-in caller may ask for it; it names no host or PID.
 */
export function checkWorker({ temporal, config }: AppDeps) {
  return timed('A Ruta worker', async () => {
    const probeId = randomUUID();
    await withTimeout(
      temporal.workflow.execute('probeWorkflow', {
        taskQueue: config.taskQueue,
        workflowId: `ruta-probe/${probeId}`,
        args: [probeId],
        workflowExecutionTimeout: '10 seconds',
      }),
      10_000,
      'A Ruta worker',
    );
    return { taskQueue: config.taskQueue };
  });
}
