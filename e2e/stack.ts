import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createLogger,
  createSql,
  freePort,
  generateSecretsKey,
  migrate,
  provisionTemporalCli,
  spawnManaged,
  startEmbeddedPostgres,
  startTemporalDevServer,
  waitForPort,
} from '@ruta/platform';
import type { TestProject } from 'vitest/node';

const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface E2EStack {
  baseUrl: string;
  apiKey: string;
  adminEmail: string;
  adminPassword: string;
  temporalAddress: string;
  databaseUrl: string;
  /**
   * Where the API and worker reach Meta's Graph API (RUTA_WHATSAPP_API_URL): a story starts its
   * local fake on this port.
   */
  fakeGraphPort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: E2EStack;
  }
}

/**
 * The real product on free ports with fresh data: Temporal dev server, embedded PostgreSQL, the
 * built editor, a worker process and the API process. No mocks anywhere.
 */
export default async function startStack(project: TestProject) {
  const log = createLogger('e2e', process.env.LOG_LEVEL ?? 'warn');
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  try {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ruta-e2e-'));
    stops.push(() => rm(dataDir, { recursive: true, force: true }));
    const [temporal, pg] = await Promise.all([
      (async () => {
        const cliPath = await provisionTemporalCli(log);
        const server = await startTemporalDevServer({ cliPath, port: await freePort() }, log);
        stops.push(() => server.stop());
        return server;
      })(),
      (async () => {
        const db = await startEmbeddedPostgres({ dataDir, port: await freePort() }, log);
        stops.push(() => db.stop());
        return db;
      })(),
    ]);
    const sql = createSql(pg.url, { max: 1 });
    await migrate(sql);
    await sql.end();
    const { build } = await import('vite');
    await build({ configFile: path.join(REPO, 'vite.config.ts'), logLevel: 'warn' });

    const port = await freePort();
    const fakeGraphPort = await freePort();
    const stack: E2EStack = {
      baseUrl: `http://localhost:${port}`,
      apiKey: 'ruta_e2e_key_0123456789abcdef',
      adminEmail: 'marketer@tienda.mx',
      adminPassword: 'e2e-password-123',
      temporalAddress: temporal.address,
      databaseUrl: pg.url,
      fakeGraphPort,
    };
    const env = {
      ...process.env,
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      RUTA_PORT: String(port),
      RUTA_PUBLIC_URL: stack.baseUrl,
      RUTA_TASK_QUEUE: 'ruta-e2e',
      RUTA_ADMIN_EMAIL: stack.adminEmail,
      RUTA_ADMIN_PASSWORD: stack.adminPassword,
      RUTA_API_KEY: stack.apiKey,
      RUTA_SECRETS_KEY: generateSecretsKey(),
      RUTA_EDITOR_DIST: path.join(REPO, 'editor/dist'),
      // Provider fakes on loopback, as a self-hosted setup would point at a gateway.
      RUTA_WHATSAPP_API_URL: `http://127.0.0.1:${fakeGraphPort}`,
      RUTA_OUTBOUND_ALLOW: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      LOG_FORMAT: 'json',
    };
    for (const [name, file] of [
      ['worker', 'engine/src/worker-main.ts'],
      ['api', 'api/src/server-main.ts'],
    ] as const) {
      const child = spawnManaged(
        name,
        process.execPath,
        ['--import', 'tsx', path.join(REPO, file)],
        log,
        { env, cwd: REPO, inheritOutput: true },
      );
      stops.push(() => child.stop());
    }
    await waitForPort(port, 60_000);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(`${stack.baseUrl}/api/health?deep=true`, {
        headers: { authorization: `Bearer ${stack.apiKey}` },
      }).catch(() => undefined);
      if (res?.ok) break;
      if (Date.now() > deadline) throw new Error('the e2e stack did not become healthy');
      await new Promise((r) => setTimeout(r, 500));
    }
    project.provide('stack', stack);
    return stopAll;
  } catch (error) {
    await stopAll();
    throw error;
  }
}
