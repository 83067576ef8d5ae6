import os from 'node:os';
import type { Logger, Sql } from '@ruta/platform';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { type ActivityDeps, createActivities } from './activities/index';
import { sandboxOnlyRegistry } from './channels/registry';
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
  /** Prefix of the workflow ids this worker's sweeps create (tests isolate themselves with it). */
  workflowIdPrefix?: string;
  /** Overrides for activity dependencies (channel providers, webhook allow-list, test hooks). */
  activityDeps?: Partial<Omit<ActivityDeps, 'sql' | 'log' | 'workerIdentity'>>;
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
  // Activities that enroll contacts (sweeps) talk to Temporal as a client.
  const clientConnection = Connection.lazy({ address: options.temporalAddress });
  const client = new Client({ connection: clientConnection, namespace: options.namespace });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    identity,
    workflowBundle: { codePath: await workflowBundlePath() },
    activities: createActivities({
      sql: options.sql,
      log: options.log,
      workerIdentity: identity,
      providers: options.activityDeps?.providers ?? sandboxOnlyRegistry(options.sql),
      enrollment: {
        sql: options.sql,
        temporal: client,
        taskQueue: options.taskQueue,
        workflowIdPrefix: options.workflowIdPrefix,
      },
      webhookGuard: options.activityDeps?.webhookGuard ?? {
        allow: (process.env.RUTA_WEBHOOK_ALLOW ?? '')
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
      },
      afterProviderAccepted: options.activityDeps?.afterProviderAccepted,
    }),
    maxCachedWorkflows: options.maxCachedWorkflows,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions,
    maxConcurrentWorkflowTaskExecutions: options.maxConcurrentWorkflowTaskExecutions,
  });
  let running: Promise<void> | undefined;
  return {
    worker,
    run() {
      running ??= worker.run().finally(async () => {
        await connection.close();
        await clientConnection.close();
      });
      return running;
    },
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}
