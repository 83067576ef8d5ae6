import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig, loadEnvFile, type RutaConfig } from '../config';
import { createSql, ensureDatabase, migrate, startEmbeddedPostgres } from '../db/index';
import { createLogger, type Logger } from '../logger';
import { assertPortFree, PortInUseError, waitForPort } from '../ports';
import { type ManagedChild, spawnManaged } from '../process/child';
import { type Supervisable, type Supervisor, supervise } from '../process/supervise';
import { generateSecretsKey } from '../secrets';
import { provisionTemporalCli, startTemporalDevServer, waitForWorker } from '../temporal/index';
import { buildEditor, REPO_ROOT } from './editor-build';

/**
 * `npm start`: Temporal dev server, PostgreSQL, migrations, the editor build, the worker and the
 * API, each a child of this process. Ctrl-C stops them all.
 */

async function checkPorts(config: RutaConfig) {
  await assertPortFree(config.port, 'RUTA_PORT');
  if (!config.temporalAddress) {
    await assertPortFree(config.temporalPort, 'TEMPORAL_PORT');
    await assertPortFree(config.temporalUiPort, 'TEMPORAL_UI_PORT');
  }
  if (!config.databaseUrl)
    await assertPortFree(config.embeddedPostgresPort, 'RUTA_EMBEDDED_PG_PORT');
}

/** The Temporal dev server, restarted with backoff when it dies (its SQLite file keeps the runs). */
async function startTemporal(config: RutaConfig, log: Logger, supervisors: Supervisor[]) {
  if (config.temporalAddress) return config.temporalAddress;
  const cliPath = await provisionTemporalCli(log);
  const supervisor = await supervise(
    'Temporal dev server',
    async (): Promise<Supervisable> => {
      const server = await startTemporalDevServer(
        {
          cliPath,
          port: config.temporalPort,
          uiPort: config.temporalUiPort,
          dbFile: path.join(config.dataDir, 'temporal.db'),
          namespace: config.temporalNamespace,
        },
        log,
      );
      return { exited: server.child.exited, pid: server.child.process.pid, stop: server.stop };
    },
    log,
    { onStart: (child) => processes.set('temporal', child.pid) },
  );
  supervisors.push(supervisor);
  const address = `127.0.0.1:${config.temporalPort}`;
  log.info({ address }, 'Temporal dev server ready');
  return address;
}

/** The embedded PostgreSQL (restarted with backoff when it dies), or DATABASE_URL; then migrations. */
async function startDatabase(config: RutaConfig, log: Logger, supervisors: Supervisor[]) {
  let url = config.databaseUrl;
  if (url) {
    await ensureDatabase(url);
  } else {
    let started: string | undefined;
    const supervisor = await supervise(
      'PostgreSQL',
      async (): Promise<Supervisable> => {
        const pg = await startEmbeddedPostgres(
          { dataDir: config.dataDir, port: config.embeddedPostgresPort },
          log,
        );
        started = pg.url;
        return { exited: pg.exited, pid: pg.pid, stop: pg.stop };
      },
      log,
      { onStart: (child) => processes.set('postgres', child.pid) },
    );
    supervisors.push(supervisor);
    url = started as string;
  }
  const sql = createSql(url, { max: 1 });
  try {
    await migrate(sql, log);
  } finally {
    await sql.end();
  }
  log.info(config.databaseUrl ? 'PostgreSQL ready (DATABASE_URL)' : 'embedded PostgreSQL ready');
  return url;
}

/**
 * The pids of what `npm start` runs, in `processes.json` in the data folder (operators, and the
 * chaos suite that kills them on purpose).
 */
const processes = (() => {
  const pids: Record<string, number | number[] | undefined> = { launcher: process.pid };
  let file: string | undefined;
  let writes = Promise.resolve();
  // Written whole and renamed into place: a reader never sees half a file.
  const write = () => {
    const target = file;
    if (!target) return;
    const text = `${JSON.stringify(pids, null, 2)}\n`;
    writes = writes
      .then(async () => {
        await writeFile(`${target}.tmp`, text);
        await rename(`${target}.tmp`, target);
      })
      .catch(() => undefined);
  };
  return {
    writeTo(path: string) {
      file = path;
      write();
    },
    set(name: string, pid: number | undefined, index?: number) {
      if (index === undefined) pids[name] = pid;
      else {
        const list = Array.isArray(pids[name]) ? (pids[name] as number[]) : [];
        list[index] = pid as number;
        pids[name] = list;
      }
      write();
    },
  };
})();

/** How many worker processes `npm start` runs (RUTA_WORKERS, default 1). */
function workerCount(env: NodeJS.ProcessEnv): number {
  const raw = env.RUTA_WORKERS;
  if (raw === undefined || raw === '') return 1;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 32)
    throw new ConfigError(`RUTA_WORKERS="${raw}" must be a whole number from 1 to 32.`);
  return count;
}

function tsEntry(name: string, file: string, env: NodeJS.ProcessEnv, log: Logger): ManagedChild {
  return spawnManaged(
    name,
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, file)],
    log,
    {
      env,
      cwd: REPO_ROOT,
      inheritOutput: true,
    },
  );
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
      last = await res.text();
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Ruta did not report healthy within ${timeoutMs / 1000} s: ${last}`);
}

async function printBanner(config: RutaConfig, credentialsFile: string) {
  const creds = JSON.parse(await readFile(credentialsFile, 'utf8').catch(() => '{}')) as Record<
    string,
    string
  >;
  const lines = [
    '',
    '  Ruta is running',
    `  Ruta:        ${config.publicUrl}`,
    `  API docs:    ${config.publicUrl}/api/docs`,
    config.temporalUiUrl ? `  Temporal UI: ${config.temporalUiUrl}` : undefined,
    creds.adminEmail
      ? `  Log in:      ${creds.adminEmail} / ${creds.adminPassword ?? '(as set in RUTA_ADMIN_PASSWORD)'}`
      : undefined,
    creds.apiKey ? `  API key:     ${creds.apiKey}` : undefined,
    `  Data:        ${config.dataDir}`,
    '  Press Ctrl-C to stop everything.',
    '',
  ];
  process.stdout.write(`${lines.filter((l) => l !== undefined).join('\n')}\n`);
}

/**
 * Without RUTA_SECRETS_KEY, channel credentials are sealed with a key kept in the data folder
 * (created once, readable by this user only). Production sets RUTA_SECRETS_KEY instead.
 */
async function developmentSecretsKey(dataDir: string, log: Logger): Promise<string> {
  const file = path.join(dataDir, 'secrets.key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const key = generateSecretsKey();
    await writeFile(file, `${key}\n`, { mode: 0o600 });
    log.info(
      { file },
      'created a secrets key for channel credentials (set RUTA_SECRETS_KEY in production)',
    );
    return key;
  }
}

async function main() {
  loadEnvFile();
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger('ruta', config.logLevel);
  const supervisors: Supervisor[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping');
    // Workers and API first, then Temporal and PostgreSQL (the reverse of starting).
    for (const supervisor of [...supervisors].reverse()) {
      await supervisor
        .stop()
        .catch((error) => log.warn({ err: error }, `${supervisor.name} did not stop cleanly`));
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    await checkPorts(config);
    const workers = workerCount(process.env);
    await mkdir(config.dataDir, { recursive: true });
    processes.writeTo(path.join(config.dataDir, 'processes.json'));
    const [temporalAddress, databaseUrl, editorDist] = await Promise.all([
      startTemporal(config, log, supervisors),
      startDatabase(config, log, supervisors),
      buildEditor(log),
    ]);
    const credentialsFile = path.join(config.dataDir, 'demo-credentials.json');
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      RUTA_EDITOR_DIST: editorDist,
      RUTA_DEMO_CREDENTIALS_FILE: credentialsFile,
      RUTA_SECRETS_KEY: config.secretsKey ?? (await developmentSecretsKey(config.dataDir, log)),
      ...(config.temporalUiUrl ? { TEMPORAL_UI_URL: config.temporalUiUrl } : {}),
    };
    // Each child is kept up: one that dies is started again with backoff (DESIGN §8.5).
    const child = (name: string, file: string, index?: number) =>
      supervise(
        name,
        async (): Promise<Supervisable> => {
          const managed = tsEntry(name, file, env, log);
          return { exited: managed.exited, pid: managed.process.pid, stop: () => managed.stop() };
        },
        log,
        {
          onStart: (started) =>
            processes.set(index === undefined ? name : 'workers', started.pid, index),
        },
      );
    for (let i = 0; i < workers; i++) {
      supervisors.push(
        await child(workers > 1 ? `worker ${i + 1}` : 'worker', 'engine/src/worker-main.ts', i),
      );
    }
    supervisors.push(await child('api', 'api/src/server-main.ts'));
    await waitForPort(config.port, 60_000);
    await waitForHealth(`http://127.0.0.1:${config.port}`, 90_000);
    await waitForWorker(temporalAddress, config.temporalNamespace, config.taskQueue, 90_000);
    log.info({ seconds: Math.round((Date.now() - started) / 100) / 10 }, 'Ruta is ready');
    await printBanner(config, credentialsFile);
  } catch (error) {
    if (error instanceof PortInUseError || error instanceof ConfigError) {
      log.error(error.message);
    } else {
      log.error({ err: error }, 'Ruta could not start');
      if (error instanceof Error) process.stderr.write(`\n${error.message}\n`);
    }
    await stopAll(1);
  }
}

void main();
