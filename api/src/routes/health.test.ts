import os from 'node:os';
import { createRutaWorker, type RutaWorker } from '@ruta/engine';
import { createLogger, createSql, freePort } from '@ruta/platform';
import { harness, type TestDatabase, testDatabase, uniqueName } from '@ruta/platform/testing';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../auth/api-keys';
import { seedDemoWorkspace } from '../seed';

const log = createLogger('test', 'silent');
let db: TestDatabase;
let connection: Connection;
let worker: RutaWorker;
const taskQueue = uniqueName('health');
const apiKey = `ruta_test_${taskQueue}`;

function appWith(overrides: { temporal?: Client; sql?: TestDatabase['sql'] } = {}) {
  return createApp({
    sql: overrides.sql ?? db.sql,
    temporal: overrides.temporal ?? new Client({ connection }),
    config: {
      taskQueue,
      temporalNamespace: 'default',
      temporalUiUrl: undefined,
      publicUrl: 'http://localhost',
    },
    log,
  });
}

beforeAll(async () => {
  db = await testDatabase();
  connection = await Connection.connect({ address: harness().temporalAddress });
  worker = await createRutaWorker({
    temporalAddress: harness().temporalAddress,
    namespace: 'default',
    taskQueue,
    sql: db.sql,
    log,
  });
  void worker.run();
  await seedDemoWorkspace(db.sql, {
    RUTA_ADMIN_PASSWORD: 'correct horse battery',
    RUTA_API_KEY: apiKey,
  });
});

afterAll(async () => {
  await worker?.shutdown();
  await connection?.close();
  await db?.drop();
});

describe('GET /api/health', () => {
  test('reports PostgreSQL and Temporal reachable', async () => {
    const res = await appWith().request('/api/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'ok',
      postgres: { ok: true },
      temporal: { ok: true, namespace: 'default' },
    });
    expect(body.worker).toBeUndefined();
  });

  test('deep=true needs credentials: without them nothing starts and nothing is written', async () => {
    for (const headers of [{}, { authorization: 'Bearer ruta_not_a_key' }] as Record<
      string,
      string
    >[]) {
      const res = await appWith().request('/api/health?deep=true', { headers });
      expect(res.status).toBe(401);
    }
    const [row] = await db.sql`select count(*)::int as n from worker_probes`;
    expect(row?.n).toBe(0);
  });

  test('deep=true needs an admin: an ingest key is refused with the role it needs', async () => {
    const ingestKey = generateApiKey();
    await db.sql`
      insert into api_keys (workspace_id, name, prefix, key_hash, scope)
      select id, 'tienda', ${apiKeyPrefix(ingestKey)}, ${hashApiKey(ingestKey)}, 'ingest' from workspaces limit 1`;
    const res = await appWith().request('/api/health?deep=true', {
      headers: { authorization: `Bearer ${ingestKey}` },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ requiredRole: 'admin' });
    const [row] = await db.sql`select count(*)::int as n from worker_probes`;
    expect(row?.n).toBe(0);
  });

  test('deep=true, signed in, runs the probe workflow through a worker and names no host or PID', async () => {
    const res = await appWith().request('/api/health?deep=true', {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.worker).toEqual({ ok: true, latencyMs: expect.any(Number), taskQueue });
    expect(JSON.stringify(body)).not.toContain(os.hostname());
    expect(JSON.stringify(body)).not.toContain(String(process.pid));
    const [row] = await db.sql`select count(*)::int as n from worker_probes`;
    expect(row?.n).toBe(1);
  });

  test('answers 503 naming Temporal when it cannot be reached', async () => {
    const dead = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 500 });
    const res = await appWith({ temporal: new Client({ connection: dead }) }).request(
      '/api/health',
    );
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.status).toBe('unavailable');
    expect(body.postgres.ok).toBe(true);
    expect(body.temporal.ok).toBe(false);
    expect(body.temporal.error).toBe('Temporal did not answer');
  });

  test('answers 503 naming PostgreSQL when it cannot be reached', async () => {
    const deadSql = createSql(`postgres://nobody@127.0.0.1:${await freePort()}/none`, { max: 1 });
    const res = await appWith({ sql: deadSql }).request('/api/health');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.postgres.ok).toBe(false);
    expect(body.postgres.error).toBe('PostgreSQL did not answer'); // no address, no driver error
    expect(body.temporal.ok).toBe(true);
    await deadSql.end();
  });
});
