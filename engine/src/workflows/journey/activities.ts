import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index';

/** Short database writes: local activities (one history event each, no extra round trip). */
export const local = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' },
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
