import {
  ActivityFailure,
  CancellationScope,
  CancelledFailure,
  proxyActivities,
  proxyLocalActivities,
  sleep,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index';

const localActivities = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' },
});

/**
 * A local activity is cancelled when its worker shuts down while it runs or waits to retry (a
 * deploy while PostgreSQL is down): that is the worker going away, not the run failing. The run
 * lets the worker finish (a short durable timer ends the workflow task) and makes the call again —
 * on whichever worker carries it on. A run cancelled on purpose is not retried.
 */
async function surviveWorkerShutdown<T>(call: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (error) {
      const shutdown =
        error instanceof ActivityFailure &&
        error.cause instanceof CancelledFailure &&
        !CancellationScope.current().consideredCancelled;
      if (!shutdown) throw error;
      await sleep(1_000);
    }
  }
}

/** Short database writes: local activities (one history event each, no extra round trip). */
export const local: typeof localActivities = new Proxy(localActivities, {
  get(target, name: keyof Activities) {
    const activity = target[name] as (...args: unknown[]) => Promise<unknown>;
    return (...args: unknown[]) => surviveWorkerShutdown(() => activity(...args));
  },
});

/**
 * Talking to a channel provider: a regular activity, retried with backoff on retryable errors.
 * It heartbeats every second, so a send on a worker that died is retried in seconds (the
 * heartbeat timeout), not when the minute-long start-to-close timeout runs out.
 */
export const channels = proxyActivities<Activities>({
  startToCloseTimeout: '60 seconds',
  heartbeatTimeout: '5 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 12,
  },
});

export function webhooks(timeoutMs: number) {
  return proxyActivities<Activities>({
    startToCloseTimeout: `${timeoutMs + 5_000} milliseconds`,
    retry: { initialInterval: '2 seconds', maximumAttempts: 3 },
  });
}

/** Telling people (a queue's webhook and emails): retried for a while, never failing the run. */
export const notifications = proxyActivities<Activities>({
  startToCloseTimeout: '60 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 8 },
});
