import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { workflowBundlePath } from '@ruta/engine';
import {
  createLogger,
  createSql,
  freePort,
  migrate,
  provisionTemporalCli,
  type Sql,
  startEmbeddedPostgres,
  startTemporalDevServer,
  waitForPort,
} from '@ruta/platform';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { parse } from 'yaml';
import type { BenchOptions } from './options';
import { type NodeChild, REPO, spawnNode } from './processes';
import { devServerSettings } from './server-profile';

const execFileAsync = promisify(execFile);

export const API_KEY = 'ruta_bench_key_0123456789abcdef';
export const ADMIN_EMAIL = 'bench@ruta.local';
export const ADMIN_PASSWORD = 'bench-password-123';

export interface Infra {
  temporalAddress: string;
  databaseUrl: string;
  sql: Sql;
  client: Client;
  dataDir: string;
  stops: Array<() => Promise<unknown>>;
  stop(): Promise<void>;
}

/** One Temporal dev server and one embedded PostgreSQL for the whole run: both sides share them. */
export async function startInfra(options: BenchOptions): Promise<Infra> {
  const log = createLogger('bench', process.env.LOG_LEVEL ?? 'warn');
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  try {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ruta-bench-'));
    stops.push(() => rm(dataDir, { recursive: true, force: true }));
    const [temporal, pg] = await Promise.all([
      (async () => {
        const cliPath = await provisionTemporalCli(log);
        const server = await startTemporalDevServer(
          {
            cliPath,
            port: await freePort(),
            ...(options.temporalDb === 'file'
              ? { dbFile: path.join(dataDir, 'temporal.sqlite') }
              : {}),
            ...devServerSettings(options.profile),
          },
          log,
        );
        stops.push(() => server.stop());
        return server;
      })(),
      (async () => {
        const db = await startEmbeddedPostgres(
          { dataDir: path.join(dataDir, 'pg'), port: await freePort() },
          log,
        );
        stops.push(() => db.stop());
        return db;
      })(),
    ]);
    const sql = createSql(pg.url, { max: 5 });
    stops.push(() => sql.end({ timeout: 5 }));
    await migrate(sql);
    const connection = await Connection.connect({ address: temporal.address });
    stops.push(() => connection.close());
    const client = new Client({ connection });
    return {
      temporalAddress: temporal.address,
      databaseUrl: pg.url,
      sql,
      client,
      dataDir,
      stops,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Environment of Ruta's processes: the API's ingest limit is lifted (see BENCHMARKS.md, #1 and #5). */
export function rutaEnv(
  infra: Pick<Infra, 'temporalAddress'>,
  databaseUrl: string,
  port: number,
  taskQueue: string,
  options: BenchOptions,
): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: infra.temporalAddress,
    RUTA_PORT: String(port),
    RUTA_PUBLIC_URL: `http://localhost:${port}`,
    RUTA_TASK_QUEUE: taskQueue,
    RUTA_ADMIN_EMAIL: ADMIN_EMAIL,
    RUTA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    RUTA_API_KEY: API_KEY,
    RUTA_EDITOR_DIST: path.join(REPO, 'editor/dist'),
    RUTA_INGEST_RATE: '1000000',
    RUTA_INGEST_BURST: '1000000',
    BENCH_PROFILE: options.profile,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LOG_FORMAT: 'json',
  };
}

/** The API process (api/src/server-main.ts, as `npm start` runs it); resolves once healthy. */
export async function startApi(env: NodeJS.ProcessEnv): Promise<NodeChild & { baseUrl: string }> {
  const api = spawnNode('api', path.join(REPO, 'api/src/server-main.ts'), env);
  const port = Number(env.RUTA_PORT);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForPort(port, 60_000);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
      if (res?.ok) break;
      if (Date.now() > deadline) throw new Error(`the API did not become healthy\n${api.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await api.stop();
    throw error;
  }
  return Object.assign(api, { baseUrl });
}

/**
 * A worker process, run as production runs it: compiled to JavaScript, and Ruta's with the Node
 * flags and process settings of docker-compose.yml's worker service (the `tuned` profile). The
 * bare worker is the reference: compiled the same way, with no flags and the SDK's default
 * settings. Both load a prebuilt workflow bundle, so no webpack runs (and stays in memory) in the
 * measured process. Resolves once its probe says it runs.
 */
export async function startWorker(
  kind: 'ruta' | 'bare',
  env: NodeJS.ProcessEnv,
): Promise<NodeChild> {
  const entry = await compiledWorker(kind);
  let runtime: WorkerRuntime = { flags: [], env: {} };
  if (kind === 'ruta') {
    await workflowBundlePath();
    runtime = await rutaWorkerRuntime(env);
  } else {
    runtime.env.BENCH_BARE_WORKFLOW_BUNDLE = await bareWorkflowBundle();
  }
  const worker = spawnNode(`${kind}-worker`, entry, { ...runtime.env, ...env }, [], runtime.flags);
  await worker.next((m) => m.t === 'ready', 120_000);
  return worker;
}

const builds = new Map<string, Promise<string>>();

/** Built once per bench run, by the script that builds the production worker. */
function compiledWorker(kind: 'ruta' | 'bare'): Promise<string> {
  let built = builds.get(kind);
  if (!built) {
    const source = fileURLToPath(new URL(`./${kind}/worker-main.ts`, import.meta.url));
    const out = path.join(REPO, `bench/dist/${kind}-worker-main.mjs`);
    built = execFileAsync(
      process.execPath,
      [path.join(REPO, 'engine/scripts/build-worker.mjs'), source, out],
      { cwd: REPO },
    ).then(() => out);
    builds.set(kind, built);
  }
  return built;
}

/** The bare workflows bundled here, once, as Ruta's are before its worker starts. */
function bareWorkflowBundle(): Promise<string> {
  let built = builds.get('bare-workflows');
  if (!built) {
    built = (async () => {
      const noop = () => {};
      const logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop };
      const { code } = await bundleWorkflowCode({
        workflowsPath: fileURLToPath(new URL('./bare/workflows.ts', import.meta.url)),
        logger,
      });
      const file = path.join(REPO, 'bench/dist/bare-workflows.js');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, code);
      return file;
    })();
    builds.set('bare-workflows', built);
  }
  return built;
}

interface WorkerRuntime {
  flags: string[];
  env: Record<string, string>;
}

/**
 * Ruta's worker's runtime: what ships, in the `tuned` profile; nothing in `default`.
 * BENCH_WORKER_NODE_FLAGS replaces the Node flags to measure others (e.g. `--max-semi-space-size=4`;
 * empty for none).
 */
async function rutaWorkerRuntime(env: NodeJS.ProcessEnv): Promise<WorkerRuntime> {
  const runtime =
    env.BENCH_PROFILE === 'default' ? { flags: [], env: {} } : await shippedWorkerRuntime();
  const override = env.BENCH_WORKER_NODE_FLAGS ?? process.env.BENCH_WORKER_NODE_FLAGS;
  if (override !== undefined) runtime.flags = override.split(' ').filter(Boolean);
  return runtime;
}

/**
 * How production starts the worker, read from docker-compose.yml rather than copied, so the bench
 * measures what ships: the Node flags of its `command` (`node <flags> engine/dist/worker-main.mjs`)
 * and the literal settings of its own `environment` (MALLOC_ARENA_MAX; not the shared Ruta
 * configuration, nor `${…}` pass-throughs).
 */
async function shippedWorkerRuntime(): Promise<WorkerRuntime> {
  const compose = parse(await readFile(path.join(REPO, 'docker-compose.yml'), 'utf8'));
  const worker = compose?.services?.worker as
    | { command?: unknown; environment?: Record<string, unknown> }
    | undefined;
  const command = worker?.command;
  if (!Array.isArray(command) || command.at(-1) !== 'engine/dist/worker-main.mjs')
    throw new Error(
      'docker-compose.yml: the worker command no longer runs engine/dist/worker-main.mjs',
    );
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(worker?.environment ?? {})) {
    if (name !== '<<' && !String(value).includes('${')) env[name] = String(value);
  }
  return { flags: command.slice(1, -1).map(String), env };
}

export function uniqueQueue(name: string) {
  return `bench-${name}-${process.pid}-${Date.now().toString(36)}`;
}
