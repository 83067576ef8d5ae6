import os from 'node:os';
import v8 from 'node:v8';
import {
  type Logger,
  outboundPolicyFromEnv,
  type Sql,
  TEMPORAL_CHANNEL_ARGS,
} from '@ruta/platform';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type ActivityDeps, createActivities } from './activities/index';
import { sandboxOnlyRegistry } from './channels/registry';
import { cacheForMemoryBudget, DEFAULT_WORKER_MEMORY_MB } from './worker-memory';
import { workflowBundlePath } from './workflow-bundle';

export interface RutaWorkerOptions {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  sql: Sql;
  log: Logger;
  /** Worker tuning; unset fields come from the environment (see `workerTuningFromEnv`). */
  tuning?: WorkerTuning;
  /** Extra worker interceptors (the benchmarks observe activity starts with one). */
  interceptors?: WorkerOptions['interceptors'];
  identity?: string;
  /** Prefix of the workflow ids this worker's sweeps create (tests isolate themselves with it). */
  workflowIdPrefix?: string;
  /** Overrides for activity dependencies (channel providers, the outbound policy, test hooks). */
  activityDeps?: Partial<Omit<ActivityDeps, 'sql' | 'log' | 'workerIdentity'>>;
  /**
   * How long a stopping worker lets its tasks finish before cancelling them (default 5 s): a
   * deploy while PostgreSQL is down must not wait on retries that cannot succeed. The runs go on
   * on the next worker (see `surviveWorkerShutdown` in the workflow's activities).
   */
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
}

/** The worker settings benchmarks showed to matter (BENCHMARKS.md); every one has an env override. */
export interface WorkerTuning {
  /**
   * RUTA_WORKER_MAX_CACHED_WORKFLOWS: workflows kept in memory (memory vs. replay on wake). Unset,
   * it follows from the memory budget (RUTA_WORKER_MEMORY_MB, worker-memory.ts).
   */
  maxCachedWorkflows?: number;
  /** RUTA_WORKER_MAX_ACTIVITIES: activities running at once. */
  maxConcurrentActivityTaskExecutions?: number;
  /** RUTA_WORKER_MAX_WORKFLOW_TASKS: workflow tasks running at once. */
  maxConcurrentWorkflowTaskExecutions?: number;
  /** RUTA_WORKER_WORKFLOW_POLLERS: concurrent workflow task long-polls. */
  workflowTaskPollers?: number;
  /** RUTA_WORKER_ACTIVITY_POLLERS: concurrent activity task long-polls. */
  activityTaskPollers?: number;
}

function envInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number ≥ 0 (got "${raw}").`);
  }
  return value;
}

/** Worker tuning from RUTA_WORKER_* variables; unset ones keep the Temporal SDK's defaults (the cache: the memory budget, below). */
export function workerTuningFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  return {
    maxCachedWorkflows: envInt(env, 'RUTA_WORKER_MAX_CACHED_WORKFLOWS'),
    maxConcurrentActivityTaskExecutions: envInt(env, 'RUTA_WORKER_MAX_ACTIVITIES'),
    maxConcurrentWorkflowTaskExecutions: envInt(env, 'RUTA_WORKER_MAX_WORKFLOW_TASKS'),
    workflowTaskPollers: envInt(env, 'RUTA_WORKER_WORKFLOW_POLLERS'),
    activityTaskPollers: envInt(env, 'RUTA_WORKER_ACTIVITY_POLLERS'),
  };
}

/**
 * The workflow cache a worker gets from its memory budget: RUTA_WORKER_MEMORY_MB (default 300)
 * within the V8 heap this process was started with. The SDK's own default grows with the heap
 * limit (~2,300 on a 24 GB machine, ~1.3 GB of RSS with 10,000 runs waiting); journeys wait for
 * days, so almost no reply finds its run in any cache of practical size, and a small one keeps
 * memory flat at the price of a replay on wake (BENCHMARKS.md, "Worker memory", the curve at
 * 10,000 waiting). A deployment with memory to spare raises the budget and the worker's
 * --max-old-space-size with it; a budget the heap cannot hold is cut to the heap (and logged).
 */
function cacheFromMemoryBudget(env: NodeJS.ProcessEnv = process.env) {
  const budgetMb = envInt(env, 'RUTA_WORKER_MEMORY_MB') ?? DEFAULT_WORKER_MEMORY_MB;
  const heapLimitMb = v8.getHeapStatistics().heap_size_limit / 1024 / 1024;
  return { budgetMb, heapLimitMb, ...cacheForMemoryBudget(budgetMb, heapLimitMb) };
}

function resolveTuning(options: RutaWorkerOptions): WorkerTuning {
  const env = workerTuningFromEnv();
  const pick = <K extends keyof WorkerTuning>(key: K): WorkerTuning[K] =>
    options.tuning?.[key] ?? env[key];
  let maxCachedWorkflows = pick('maxCachedWorkflows');
  if (maxCachedWorkflows === undefined) {
    const budget = cacheFromMemoryBudget();
    maxCachedWorkflows = budget.maxCachedWorkflows;
    const fields = { ...budget, heapLimitMb: Math.round(budget.heapLimitMb) };
    if (budget.limitedBy === 'heap')
      options.log.warn(
        fields,
        'worker memory budget is larger than the V8 heap holds: cache cut to the heap; raise --max-old-space-size',
      );
    else options.log.info(fields, 'worker cache from its memory budget');
  }
  return {
    maxCachedWorkflows,
    maxConcurrentActivityTaskExecutions: pick('maxConcurrentActivityTaskExecutions'),
    maxConcurrentWorkflowTaskExecutions: pick('maxConcurrentWorkflowTaskExecutions'),
    workflowTaskPollers: pick('workflowTaskPollers'),
    activityTaskPollers: pick('activityTaskPollers'),
  };
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
  const clientConnection = Connection.lazy({
    address: options.temporalAddress,
    channelArgs: TEMPORAL_CHANNEL_ARGS,
  });
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
      outbound: options.activityDeps?.outbound ?? outboundPolicyFromEnv(),
      afterProviderAccepted: options.activityDeps?.afterProviderAccepted,
      box: options.activityDeps?.box,
      tiendanubeApiUrl: options.activityDeps?.tiendanubeApiUrl,
      publicUrl: options.activityDeps?.publicUrl,
    }),
    ...workerOptionsFor(resolveTuning(options)),
    shutdownGraceTime: options.shutdownGraceTime ?? '5 seconds',
    ...(options.interceptors ? { interceptors: options.interceptors } : {}),
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

/** WorkerOptions for a tuning, leaving out what it leaves unset (so the SDK's defaults apply). */
export function workerOptionsFor(tuning: WorkerTuning): Partial<WorkerOptions> {
  const options: Partial<WorkerOptions> = {};
  if (tuning.maxCachedWorkflows !== undefined)
    options.maxCachedWorkflows = tuning.maxCachedWorkflows;
  if (tuning.maxConcurrentActivityTaskExecutions !== undefined)
    options.maxConcurrentActivityTaskExecutions = tuning.maxConcurrentActivityTaskExecutions;
  if (tuning.maxConcurrentWorkflowTaskExecutions !== undefined)
    options.maxConcurrentWorkflowTaskExecutions = tuning.maxConcurrentWorkflowTaskExecutions;
  if (tuning.workflowTaskPollers !== undefined)
    options.workflowTaskPollerBehavior = {
      type: 'simple-maximum',
      maximum: tuning.workflowTaskPollers,
    };
  if (tuning.activityTaskPollers !== undefined)
    options.activityTaskPollerBehavior = {
      type: 'simple-maximum',
      maximum: tuning.activityTaskPollers,
    };
  return options;
}
