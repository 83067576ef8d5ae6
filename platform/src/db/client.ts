import postgres from 'postgres';

export type Sql = postgres.Sql;
/** The pool or a transaction: what a function that only runs statements needs. */
export type Queryable = postgres.Sql | postgres.TransactionSql;

export interface SqlOptions {
  max?: number;
  /** Seconds to wait for a connection before the query fails (default 5; the API answers 503 then). */
  connectTimeout?: number;
}

/** Seconds before a pool connection tries PostgreSQL again: 50 ms, doubling, at most 1 s. */
export function reconnectDelaySeconds(failures: number): number {
  return Math.min(0.05 * 2 ** Math.max(0, failures - 1), 1);
}

/** One connection pool per process; the `postgres` driver everywhere. */
export function createSql(url: string, options: SqlOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeout ?? 5,
    // The driver's default waits up to 20 s between reconnects once PostgreSQL has failed a few
    // times (and holds queued queries that long): after a restart Ruta is back within a second.
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
    connection: { application_name: 'ruta' },
    transform: { undefined: null },
  });
}

/** The same server, another database (for creating databases and test copies). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** Creates the database if it does not exist yet (connecting through the `postgres` maintenance db). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = createSql(withDatabase(url, 'postgres'), { max: 1 });
  try {
    const [row] = await admin`select 1 as found from pg_database where datname = ${name}`;
    if (!row) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}
