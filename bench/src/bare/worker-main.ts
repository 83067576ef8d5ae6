import { fileURLToPath } from 'node:url';
import { createSql } from '@ruta/platform';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createHandwrittenActivities } from '../handwritten/activities';
import { createHandwrittenSweepActivities } from '../handwritten/sweep';
import { probeInterceptors, probeSinks, reportReady } from '../probe';
import { createBareActivities } from './activities';

/**
 * The bare worker process: the minimal workflows on their own task queue, with the Temporal SDK's
 * default worker settings in every profile (the reference Ruta's tuned worker is compared with).
 * The workflows come prebuilt from BENCH_BARE_WORKFLOW_BUNDLE when the bench sets it (as Ruta's
 * do), so webpack does not run in the measured process; otherwise they are bundled here.
 */
async function main() {
  const address = process.env.TEMPORAL_ADDRESS;
  const taskQueue = process.env.BENCH_TASK_QUEUE;
  if (!address || !taskQueue) throw new Error('TEMPORAL_ADDRESS and BENCH_TASK_QUEUE are required');
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
  const bundle = process.env.BENCH_BARE_WORKFLOW_BUNDLE;
  const connection = await NativeConnection.connect({ address });
  // The hand-written sweep starts workflows from its activity, as a client.
  const clientConnection = Connection.lazy({ address });
  const databaseUrl = process.env.DATABASE_URL;
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    ...(bundle
      ? { workflowBundle: { codePath: bundle } }
      : { workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)) }),
    // The hand-written cart's provider activity needs the database (when the bench gives one).
    activities: {
      ...createBareActivities(),
      ...(databaseUrl ? createHandwrittenActivities() : {}),
      ...(databaseUrl
        ? createHandwrittenSweepActivities(
            createSql(databaseUrl, { max: 10 }),
            new Client({ connection: clientConnection }),
            taskQueue,
          )
        : {}),
    },
    interceptors: probeInterceptors,
    sinks: probeSinks,
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  reportReady();
  await running;
  await connection.close();
  await clientConnection.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
