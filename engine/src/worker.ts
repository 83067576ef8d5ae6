import os from 'node:os';
import type { Logger, Sql } from '@ruta/platform';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from './activities/index';
import { workflowBundlePath } from './workflow-bundle';

export interface RutaWorkerOptions {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  sql: Sql;
  log: Logger;
  /** Workflows kept in memory; evicted ones replay from history when they wake. */
  maxCachedWorkflows?: number;
  maxConcurrentActivityTaskExecutions?: number;
  maxConcurrentWorkflowTaskExecutions?: number;
  identity?: string;
}

export interface RutaWorker {
  worker: Worker;
  /** Runs until `shutdown()`; rejects if the worker fails. */
  run(): Promise<void>;
  shutdown(): Promise<void>;
}

export async function createRutaWorker(options: RutaWorkerOptions): Promise<RutaWorker> {
  const identity = options.identity ?? `ruta-worker@${os.hostname()}:${process.pid}`;
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    identity,
    workflowBundle: { codePath: await workflowBundlePath() },
    activities: createActivities({ sql: options.sql, log: options.log, workerIdentity: identity }),
    maxCachedWorkflows: options.maxCachedWorkflows,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions,
    maxConcurrentWorkflowTaskExecutions: options.maxConcurrentWorkflowTaskExecutions,
  });
  let running: Promise<void> | undefined;
  return {
    worker,
    run() {
      running ??= worker.run().finally(() => connection.close());
      return running;
    },
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}
