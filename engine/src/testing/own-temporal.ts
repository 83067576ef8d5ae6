import { createLogger, freePort, type Sql, startTemporalDevServer } from '@ruta/platform';
import { harness } from '@ruta/platform/testing';
import { createRutaWorker, type RutaWorker } from '../worker';

export interface OwnTemporal {
  address: string;
  /** A Ruta worker (in this process) on this server. */
  startWorker(options: { taskQueue: string; sql: Sql }): Promise<RutaWorker>;
  stop(): Promise<void>;
}

/**
 * A Temporal dev server of the suite's own, for server settings the shared one must not change
 * for everyone (dynamic config such as `limit.historyCount.suggestContinueAsNew`). Undefined when
 * the run uses an external Temporal (RUTA_TEST_TEMPORAL_ADDRESS) and so has no CLI to start one.
 */
export async function startOwnTemporal(
  dynamicConfig: Record<string, unknown>,
): Promise<OwnTemporal | undefined> {
  const cliPath = harness().temporalCliPath;
  if (!cliPath) return undefined;
  const log = createLogger('own-temporal', 'warn');
  const server = await startTemporalDevServer(
    { cliPath, port: await freePort(), dynamicConfig },
    log,
  );
  const workers: RutaWorker[] = [];
  return {
    address: server.address,
    async startWorker({ taskQueue, sql }) {
      const worker = await createRutaWorker({
        temporalAddress: server.address,
        namespace: 'default',
        taskQueue,
        sql,
        log,
      });
      workers.push(worker);
      void worker.run();
      return worker;
    },
    async stop() {
      await Promise.all(workers.map((w) => w.shutdown()));
      await server.stop();
    },
  };
}
