import { createLogger } from '@ruta/platform';
import { harness, type TestDatabase, testDatabase, uniqueName } from '@ruta/platform/testing';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createRutaWorker, type RutaWorker } from './worker';

let db: TestDatabase;
let worker: RutaWorker;
let connection: Connection;
const taskQueue = uniqueName('probe');

beforeAll(async () => {
  db = await testDatabase();
  worker = await createRutaWorker({
    temporalAddress: harness().temporalAddress,
    namespace: 'default',
    taskQueue,
    sql: db.sql,
    log: createLogger('test', 'warn'),
  });
  void worker.run();
  connection = await Connection.connect({ address: harness().temporalAddress });
});

afterAll(async () => {
  await worker?.shutdown();
  await connection?.close();
  await db?.drop();
});

test('a workflow runs on the worker against real Temporal and writes a row to PostgreSQL', async () => {
  const client = new Client({ connection });
  const probeId = uniqueName('probe-id');
  const result = await client.workflow.execute('probeWorkflow', {
    taskQueue,
    workflowId: `${taskQueue}/${probeId}`,
    args: [probeId],
  });
  const rows = await db.sql`select worker_identity from worker_probes where id = ${probeId}`;
  expect(rows).toHaveLength(1);
  expect(rows[0]?.worker_identity).toBe(result.workerIdentity);
  expect(result.workerIdentity).toMatch(/^ruta-worker@/);
});
