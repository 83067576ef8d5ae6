import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
import type { BenchOptions } from './options';
import { type NodeChild, REPO, spawnNode } from './processes';
import { devServerSettings } from './server-profile';

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

/** A worker process; resolves once its probe says it runs. */
export async function startWorker(
  kind: 'ruta' | 'bare',
  env: NodeJS.ProcessEnv,
): Promise<NodeChild> {
  const entry =
    kind === 'ruta'
      ? new URL('./ruta/worker-main.ts', import.meta.url)
      : new URL('./bare/worker-main.ts', import.meta.url);
  const worker = spawnNode(`${kind}-worker`, entry.pathname, env);
  await worker.next((m) => m.t === 'ready', 120_000);
  return worker;
}

export function uniqueQueue(name: string) {
  return `bench-${name}-${process.pid}-${Date.now().toString(36)}`;
}
