import v8 from 'node:v8';
import type { WorkerTuning } from '@ruta/engine';
import { workerTuningFromEnv } from '@ruta/engine';
import type { Profile } from './options';

/**
 * The Temporal SDK's own defaults (worker-options.js in @temporalio/worker 1.24): the "before"
 * of every tuning. The cache default grows with the V8 heap limit (~2,300 on a 24 GB machine).
 */
export function sdkDefaultTuning(): WorkerTuning {
  const heapMiB = v8.getHeapStatistics().heap_size_limit / 1024 / 1024;
  return {
    maxCachedWorkflows: Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10),
    maxConcurrentActivityTaskExecutions: 100,
    maxConcurrentWorkflowTaskExecutions: 40,
    workflowTaskPollers: 10,
    activityTaskPollers: 10,
  };
}

/**
 * What a bench worker runs with: the SDK's defaults for `default`; for `tuned`, Ruta's shipped
 * defaults (engine/src/worker.ts), both overridable by RUTA_WORKER_* variables.
 */
export function benchWorkerTuning(profile: Profile): WorkerTuning | undefined {
  const env = workerTuningFromEnv();
  if (profile === 'tuned') return undefined;
  const sdk = sdkDefaultTuning();
  const merged: WorkerTuning = { ...sdk };
  for (const [key, value] of Object.entries(env) as [keyof WorkerTuning, number | undefined][]) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}
