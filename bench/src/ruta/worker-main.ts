import { createRutaWorker } from '@ruta/engine';
import { createLogger, createSql, loadConfig } from '@ruta/platform';
import { Runtime } from '@temporalio/worker';
import type { Profile } from '../options';
import { probeInterceptors, reportReady } from '../probe';
import { benchWorkerTuning } from '../profiles';

/**
 * Ruta's worker exactly as engine/src/worker-main.ts builds it (createRutaWorker, same env), plus
 * the benchmark's activity-start probe and, in the `default` profile, the SDK's default settings.
 */
async function main() {
  const config = loadConfig();
  const log = createLogger('worker', config.logLevel);
  if (!config.databaseUrl || !config.temporalAddress)
    throw new Error('DATABASE_URL and TEMPORAL_ADDRESS are required');
  Runtime.install({
    logger: {
      log: () => {},
      trace: () => {},
      debug: () => {},
      info: () => {},
      warn: (m) => console.warn(m),
      error: (m) => console.error(m),
    },
  });
  const sql = createSql(config.databaseUrl, { max: Number(process.env.RUTA_WORKER_DB_POOL ?? 10) });
  const tuning = benchWorkerTuning((process.env.BENCH_PROFILE ?? 'tuned') as Profile);
  const worker = await createRutaWorker({
    temporalAddress: config.temporalAddress,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    sql,
    log,
    ...(tuning ? { tuning } : {}),
    interceptors: probeInterceptors,
  });
  process.once('SIGTERM', () => void worker.shutdown());
  const running = worker.run();
  reportReady();
  await running;
  await sql.end({ timeout: 5 });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
