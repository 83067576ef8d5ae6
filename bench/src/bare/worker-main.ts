import { fileURLToPath } from 'node:url';
import {
  DEFAULT_WORKER_TUNING,
  type WorkerTuning,
  workerOptionsFor,
  workerTuningFromEnv,
} from '@ruta/engine';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Profile } from '../options';
import { probeInterceptors, probeSinks, reportReady } from '../probe';
import { benchWorkerTuning } from '../profiles';
import { createBareActivities } from './activities';

/**
 * The bare worker process: the minimal workflows on their own task queue, with the same worker
 * settings as Ruta's worker in this profile (SDK defaults, or Ruta's tuned defaults).
 */
async function main() {
  const address = process.env.TEMPORAL_ADDRESS;
  const taskQueue = process.env.BENCH_TASK_QUEUE;
  if (!address || !taskQueue) throw new Error('TEMPORAL_ADDRESS and BENCH_TASK_QUEUE are required');
  Runtime.install({
    logger: {
      log: () => {},
      trace: () => {},
      debug: () => {},
      info: () => {},
      warn: (m) => console.warn(m),
      error: (m) => console.error(m),
    },
  });
  const profile = (process.env.BENCH_PROFILE ?? 'tuned') as Profile;
  const env = workerTuningFromEnv();
  const tuning: WorkerTuning = benchWorkerTuning(profile) ?? {
    ...DEFAULT_WORKER_TUNING,
    ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
  };
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)),
    activities: createBareActivities(),
    interceptors: probeInterceptors,
    sinks: probeSinks,
    ...workerOptionsFor(tuning),
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  reportReady();
  await running;
  await connection.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
