import { fileURLToPath } from 'node:url';
import { createLogger, type ManagedChild, spawnManaged } from '@ruta/platform';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../worker-main.ts', import.meta.url));

export interface WorkerProcess {
  child: ManagedChild;
  pid: number;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** SIGKILL: no shutdown hook runs, no poll is cancelled, nothing is flushed. */
  kill(): Promise<number | string>;
}

/**
 * The real worker process (`node --import tsx engine/src/worker-main.ts`), as an operator runs
 * it, on its own task queue. Kill it with `kill()`; `stopAll()` on the returned registry in
 * `afterAll` so no process outlives a failed test.
 */
export function workerProcesses(env: {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** More of the worker's settings (secrets key, provider URLs, outbound allowlist). */
  extra?: Record<string, string>;
}) {
  const started: WorkerProcess[] = [];
  const log = createLogger('worker-process', 'warn');
  // Even if the test process dies without running afterAll, no worker outlives it.
  const killAllNow = () => {
    for (const w of started) if (w.child.process.exitCode === null) w.child.process.kill('SIGKILL');
  };
  process.once('exit', killAllNow);
  return {
    start(): WorkerProcess {
      const lines: string[] = [];
      const childEnv: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: env.databaseUrl,
        TEMPORAL_ADDRESS: env.temporalAddress,
        TEMPORAL_NAMESPACE: 'default',
        RUTA_TASK_QUEUE: env.taskQueue,
        RUTA_WORKER_DB_POOL: '3',
        LOG_LEVEL: 'warn',
        ...env.extra,
      };
      // Vitest's own variables must not leak into a process that is not a test.
      for (const key of Object.keys(childEnv)) {
        if (key.startsWith('VITEST') || key === 'NODE_OPTIONS') delete childEnv[key];
      }
      const child = spawnManaged(
        'worker',
        process.execPath,
        ['--import', 'tsx', WORKER_MAIN],
        log,
        {
          cwd: REPO_ROOT,
          env: childEnv,
          onLine: (line, stream) => lines.push(`[${stream}] ${line}`),
        },
      );
      const pid = child.process.pid;
      if (pid === undefined) throw new Error('the worker process did not start');
      const worker: WorkerProcess = {
        child,
        pid,
        output: () => lines.join('\n'),
        async kill() {
          if (child.process.exitCode === null && child.process.signalCode === null) {
            child.process.kill('SIGKILL');
          }
          return child.exited;
        },
      };
      started.push(worker);
      return worker;
    },
    /** SIGKILLs every process still alive; safe to call more than once. */
    async stopAll() {
      await Promise.all(started.map((w) => w.kill()));
      process.off('exit', killAllNow);
    },
    get started(): readonly WorkerProcess[] {
      return started;
    },
  };
}
