import { type OutboxDispatcher, startOutboxDispatcher } from '@ruta/engine';
import type { AppDeps } from './deps';
import { rerouteStaleEvents } from './ingest/reroute';
import { processPendingDeliveries } from './sources/deliveries';

/** How often events whose request died are routed (ingest/reroute.ts). */
const REROUTE_EVERY_MS = 10_000;
/** How often stored source deliveries not yet processed are (sources/deliveries.ts). */
const PENDING_DELIVERIES_EVERY_MS = 3_000;

/**
 * What an API process does besides answering requests: delivers the signal outbox to Temporal
 * (with its reconciler) and routes events whose request never finished. Every API process runs
 * it; they share the work through row leases.
 */
export function startBackgroundWork(
  deps: AppDeps,
  options: { intervalMs?: number; reconcileEveryMs?: number } = {},
): OutboxDispatcher {
  let lastReroute = 0;
  let lastPending = 0;
  return startOutboxDispatcher({
    sql: deps.sql,
    temporal: deps.temporal,
    log: deps.log,
    taskQueue: deps.config.taskQueue,
    ...options,
    async everyPass() {
      if (Date.now() - lastPending >= PENDING_DELIVERIES_EVERY_MS) {
        lastPending = Date.now();
        await processPendingDeliveries(deps);
      }
      if (Date.now() - lastReroute < REROUTE_EVERY_MS) return;
      lastReroute = Date.now();
      await rerouteStaleEvents(deps);
    },
  });
}
