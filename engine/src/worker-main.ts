import { createLogger, createSecretBox, createSql, loadConfig, loadEnvFile } from '@ruta/platform';
import { Runtime } from '@temporalio/worker';
import { workspaceRegistry } from './channels/registry';
import { createRutaWorker } from './worker';

/** The worker process: `node --import tsx engine/src/worker-main.ts`. Scales out: run as many as you like. */
async function main() {
  loadEnvFile();
  const config = loadConfig();
  const log = createLogger('worker', config.logLevel);
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the worker.');
  if (!config.temporalAddress) throw new Error('TEMPORAL_ADDRESS is required for the worker.');
  Runtime.install({
    logger: {
      log: () => {},
      trace: () => {},
      debug: () => {},
      info: (message, meta) => log.debug(meta ?? {}, message),
      warn: (message, meta) => log.warn(meta ?? {}, message),
      error: (message, meta) => log.error(meta ?? {}, message),
    },
    shutdownSignals: ['SIGINT', 'SIGTERM'],
  });
  const sql = createSql(config.databaseUrl, { max: Number(process.env.RUTA_WORKER_DB_POOL ?? 10) });
  // The workspace's configured channels (WhatsApp Cloud API, Twilio, SMTP), else the sandbox.
  const providers = workspaceRegistry({
    sql,
    log,
    box: config.secretsKey ? createSecretBox(config.secretsKey) : undefined,
    publicUrl: config.publicUrl,
  });
  const worker = await createRutaWorker({
    temporalAddress: config.temporalAddress,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    sql,
    log,
    activityDeps: { providers },
    maxCachedWorkflows: optionalInt('RUTA_WORKER_MAX_CACHED_WORKFLOWS'),
    maxConcurrentActivityTaskExecutions: optionalInt('RUTA_WORKER_MAX_ACTIVITIES'),
  });
  log.info({ taskQueue: config.taskQueue }, 'worker started');
  await worker.run();
  await providers.close();
  await sql.end({ timeout: 5 });
  log.info('worker stopped');
}

function optionalInt(name: string): number | undefined {
  const raw = process.env[name];
  return raw ? Number(raw) : undefined;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
