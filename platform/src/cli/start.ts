import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig, loadEnvFile, type RutaConfig } from '../config';
import { createSql, ensureDatabase, migrate, startEmbeddedPostgres } from '../db/index';
import { createLogger, type Logger } from '../logger';
import { assertPortFree, PortInUseError, waitForPort } from '../ports';
import { type ManagedChild, spawnManaged } from '../process/child';
import { generateSecretsKey } from '../secrets';
import { provisionTemporalCli, startTemporalDevServer, waitForWorker } from '../temporal/index';
import { buildEditor, REPO_ROOT } from './editor-build';

/**
 * `npm start`: Temporal dev server, PostgreSQL, migrations, the editor build, the worker and the
 * API, each a child of this process. Ctrl-C stops them all.
 */
type Stopper = { name: string; stop: () => Promise<void> };

async function checkPorts(config: RutaConfig) {
  await assertPortFree(config.port, 'RUTA_PORT');
  if (!config.temporalAddress) {
    await assertPortFree(config.temporalPort, 'TEMPORAL_PORT');
    await assertPortFree(config.temporalUiPort, 'TEMPORAL_UI_PORT');
  }
  if (!config.databaseUrl)
    await assertPortFree(config.embeddedPostgresPort, 'RUTA_EMBEDDED_PG_PORT');
}

async function startTemporal(config: RutaConfig, log: Logger, stoppers: Stopper[]) {
  if (config.temporalAddress) return config.temporalAddress;
  const cliPath = await provisionTemporalCli(log);
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
  stoppers.push({ name: 'Temporal dev server', stop: server.stop });
  log.info({ address: server.address }, 'Temporal dev server ready');
  return server.address;
}

async function startDatabase(config: RutaConfig, log: Logger, stoppers: Stopper[]) {
  let url = config.databaseUrl;
  if (url) {
    await ensureDatabase(url);
  } else {
    const pg = await startEmbeddedPostgres(
      { dataDir: config.dataDir, port: config.embeddedPostgresPort },
      log,
    );
    stoppers.push({ name: 'PostgreSQL', stop: pg.stop });
    url = pg.url;
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
  const stoppers: Stopper[] = [];
  const children: ManagedChild[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping');
    await Promise.all(children.map((child) => child.stop()));
    for (const { name, stop } of stoppers.reverse()) {
      await stop().catch((error) => log.warn({ err: error }, `${name} did not stop cleanly`));
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    await checkPorts(config);
    await mkdir(config.dataDir, { recursive: true });
    const [temporalAddress, databaseUrl, editorDist] = await Promise.all([
      startTemporal(config, log, stoppers),
      startDatabase(config, log, stoppers),
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
    children.push(tsEntry('worker', 'engine/src/worker-main.ts', env, log));
    children.push(tsEntry('api', 'api/src/server-main.ts', env, log));
    for (const child of children) {
      void child.exited.then((code) => {
        if (stopping) return;
        log.error({ code }, `${child.name} exited unexpectedly; stopping Ruta`);
        void stopAll(1);
      });
    }
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
