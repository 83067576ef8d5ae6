import { Connection } from '@temporalio/client';
import type { Logger } from '../logger';
import { waitForPort } from '../ports';
import { type ManagedChild, spawnManaged } from '../process/child';
import { RUTA_SEARCH_ATTRIBUTES } from './search-attributes';

export interface DevServerOptions {
  cliPath: string;
  port: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  /** SQLite file for durable state; omit for an in-memory server (tests). */
  dbFile?: string;
  namespace?: string;
  /** Extra `--dynamic-config-value KEY=VALUE` pairs (they win over LOW_LATENCY_DYNAMIC_CONFIG). */
  dynamicConfig?: Record<string, unknown>;
  /** Apply LOW_LATENCY_DYNAMIC_CONFIG (default true; the benchmarks turn it off for their baseline). */
  lowLatency?: boolean;
}

/**
 * Dev server settings that shorten a signal → next activity round trip (BENCHMARKS.md, #2):
 * activities a workflow task schedules go straight back to the worker that completed it (eager
 * dispatch: no trip through matching), and each task queue has one partition, so a task never
 * waits to be forwarded between partitions to reach an idle poller.
 */
export const LOW_LATENCY_DYNAMIC_CONFIG: Record<string, unknown> = {
  'system.enableActivityEagerExecution': true,
  'matching.numTaskqueueReadPartitions': 1,
  'matching.numTaskqueueWritePartitions': 1,
};

export interface DevServer {
  address: string;
  uiUrl: string | undefined;
  child: ManagedChild;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` with Ruta's search attributes and waits until it answers gRPC. */
export async function startTemporalDevServer(
  options: DevServerOptions,
  log: Logger,
): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port)];
  args.push('--log-level', 'warn', '--log-format', 'json');
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  if (options.namespace && options.namespace !== 'default')
    args.push('--namespace', options.namespace);
  for (const [key, type] of Object.entries(RUTA_SEARCH_ATTRIBUTES)) {
    args.push('--search-attribute', `${key}=${type}`);
  }
  const dynamicConfig = {
    ...(options.lowLatency === false ? {} : LOW_LATENCY_DYNAMIC_CONFIG),
    ...options.dynamicConfig,
  };
  for (const [key, value] of Object.entries(dynamicConfig)) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  // The last lines it printed, to say why when it does not come up.
  const recent: string[] = [];
  const child = spawnManaged('temporal', options.cliPath, args, log, {
    onLine: (line) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log.debug({ child: 'temporal' }, line);
    },
  });
  const address = `127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitForPort(options.port, 60_000),
      child.exited.then((code) => {
        throw new Error(`the Temporal dev server exited during start-up (${code}).`);
      }),
    ]);
    await waitForNamespace(address, options.namespace ?? 'default', 60_000);
  } catch (error) {
    await child.stop();
    if (recent.length === 0) throw error;
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nThe dev server said:\n${recent.join('\n')}`,
    );
  }
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    child,
    stop: () => child.stop(),
  };
}

/** Resolves once the namespace exists and the frontend answers. */
export async function waitForNamespace(
  address: string,
  namespace: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2_000 });
      await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      await connection?.close();
    }
  }
  throw new Error(`Temporal at ${address} did not become ready: ${String(lastError)}`);
}
