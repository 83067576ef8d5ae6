import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { harness, type TestDatabase, testDatabase, uniqueName } from '@ruta/platform/testing';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';

/**
 * The worker as production runs it: engine/scripts/build-worker.mjs compiles worker-main.ts, and
 * the result starts with docker-compose.yml's worker command (its Node flags included, so a Node
 * upgrade that refuses one fails here), with no TypeScript loader, and runs a workflow.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

let db: TestDatabase;
let dir: string;
let worker: ChildProcess | undefined;
let output = '';
let connection: Connection;
const taskQueue = uniqueName('compiled');

async function shippedCommand(): Promise<string[]> {
  const compose = parse(await readFile(path.join(REPO, 'docker-compose.yml'), 'utf8'));
  return compose.services.worker.command;
}

beforeAll(async () => {
  db = await testDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'ruta-worker-build-'));
  const outfile = path.join(dir, 'worker-main.mjs');
  await run(process.execPath, [
    path.join(REPO, 'engine/scripts/build-worker.mjs'),
    path.join(REPO, 'engine/src/worker-main.ts'),
    outfile,
  ]);
  const [node, ...rest] = await shippedCommand();
  expect(node).toBe('node');
  expect(rest.at(-1)).toBe('engine/dist/worker-main.mjs');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: harness().temporalAddress,
    RUTA_TASK_QUEUE: taskQueue,
    RUTA_WORKER_DB_POOL: '3',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  };
  // Its own folder as the working directory: no .env of the checkout is read.
  const child = spawn(process.execPath, [...rest.slice(0, -1), outfile], { cwd: dir, env });
  worker = child;
  const started = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"worker started"')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`the compiled worker exited (${code})\n${output}`)),
    );
  });
  await started;
  connection = await Connection.connect({ address: harness().temporalAddress });
});

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  await connection?.close();
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the compiled worker runs a workflow and its activity, then stops on SIGTERM', async () => {
  const child = worker as ChildProcess;
  const client = new Client({ connection });
  const probeId = uniqueName('probe-id');
  const result = await client.workflow.execute('probeWorkflow', {
    taskQueue,
    workflowId: `${taskQueue}/${probeId}`,
    args: [probeId],
  });
  expect(result.workerIdentity).toMatch(new RegExp(`^ruta-worker@.+:${child.pid}$`));
  const rows = await db.sql`select worker_identity from worker_probes where id = ${probeId}`;
  expect(rows[0]?.worker_identity).toBe(result.workerIdentity);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  expect(await exited, output).toBe(0);
  expect(output).toContain('"msg":"worker stopped"');
});
