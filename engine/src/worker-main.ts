import { createLogger, createSecretBox, createSql, loadConfig, loadEnvFile } from '@ruta/platform';
import { Runtime } from '@temporalio/worker';
import { workspaceRegistry } from './channels/registry';
import { createRutaWorker } from './worker';

/**
 * The worker process. Scales out: run as many as you like. Production runs it compiled, with the
 * Node flags of docker-compose.yml's worker service (`pnpm build:worker`, then
 * `node --max-semi-space-size=… engine/dist/worker-main.mjs`); development and tests run the
 * source (`node --import tsx engine/src/worker-main.ts`). Worker tuning: RUTA_WORKER_* (worker.ts).
 */
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
  const box = config.secretsKey ? createSecretBox(config.secretsKey) : undefined;
  const providers = workspaceRegistry({
    sql,
    log,
    box,
    publicUrl: config.publicUrl,
    apiUrls: config.providerApiUrls,
    outbound: config.outbound,
  });
  const worker = await createRutaWorker({
    temporalAddress: config.temporalAddress,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    sql,
    log,
    activityDeps: {
      providers,
      outbound: config.outbound,
      box,
      tiendanubeApiUrl: config.providerApiUrls.tiendanube,
      publicUrl: config.publicUrl,
    },
  });
  log.info({ taskQueue: config.taskQueue }, 'worker started');
  await worker.run();
  await providers.close();
  await sql.end({ timeout: 5 });
  log.info('worker stopped');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
