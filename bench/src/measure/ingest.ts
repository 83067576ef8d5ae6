import { spawn } from 'node:child_process';
import path from 'node:path';
import { createSql, type Sql, withDatabase } from '@ruta/platform';
import { API_KEY } from '../infra';
import { REPO } from '../processes';

export interface IngestResult {
  target: string;
  /** 2xx answers per second (autocannon's view). */
  acceptedPerSecond: number;
  /** Rows in `events` afterwards per second of load (persisted, counted in the database). */
  persistedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/**
 * #5: events per second accepted and persisted by `POST /api/events`, one event per request,
 * from a separate autocannon process against an API process on `databaseUrl`.
 */
export async function ingest(
  target: string,
  baseUrl: string,
  sql: Sql,
  seconds: number,
  connections: number,
): Promise<IngestResult> {
  const tag = `ingest-${target}-${Date.now().toString(36)}`;
  const line = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(REPO, 'bench/src/measure/ingest-load.ts'),
        baseUrl,
        API_KEY,
        tag,
        String(seconds),
        String(connections),
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.once('exit', (code) =>
      code === 0
        ? resolve(out.trim().split('\n').at(-1) ?? '')
        : reject(new Error(`autocannon exited ${code}`)),
    );
  });
  const summary = JSON.parse(line) as {
    requests: number;
    perSecond: number;
    non2xx: number;
    errors: number;
    p50: number;
    p99: number;
    durationS: number;
  };
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from events where client_event_id like ${`${tag}-%`}`;
  return {
    target,
    acceptedPerSecond: summary.perSecond,
    persistedPerSecond: (row?.n ?? 0) / summary.durationS,
    p50Ms: summary.p50,
    p99Ms: summary.p99,
    non2xx: summary.non2xx,
    errors: summary.errors,
  };
}

/** A fresh database on the machine's PostgreSQL for the API to migrate; dropped by the returned stop. */
export async function machineDatabase(serverUrl: string) {
  const name = `ruta_bench_${process.pid}`;
  const admin = createSql(serverUrl, { max: 1 });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = withDatabase(serverUrl, name);
  const sql = createSql(url, { max: 2 });
  return {
    url,
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
