import type { Sql } from '@ruta/platform';

/** Rows written per table and transactions committed, from PostgreSQL's own statistics. */
export interface PgWrites {
  commits: number;
  /** Growth of every table with its indexes and TOAST, in bytes (page-granular: use many runs). */
  bytes: number;
  tables: Record<string, { inserted: number; updated: number; deleted: number }>;
}

async function snapshot(sql: Sql): Promise<PgWrites> {
  // Statistics reach the views when a backend reports them (about every second while busy, and
  // when idle): wait for the last ones.
  await new Promise((r) => setTimeout(r, 2_500));
  const [db] = await sql<{ commits: number }[]>`
    select xact_commit::float8 as commits from pg_stat_database where datname = current_database()`;
  const rows = await sql<{ table: string; inserted: number; updated: number; deleted: number }[]>`
    select relname as table, n_tup_ins::float8 as inserted, n_tup_upd::float8 as updated,
           n_tup_del::float8 as deleted
    from pg_stat_user_tables`;
  const [size] = await sql<{ bytes: number }[]>`
    select coalesce(sum(pg_total_relation_size(relid)), 0)::float8 as bytes from pg_stat_user_tables`;
  return {
    commits: db?.commits ?? 0,
    bytes: size?.bytes ?? 0,
    tables: Object.fromEntries(rows.map((r) => [r.table, r])),
  };
}

/**
 * What a phase wrote, per enrollment: `const m = await pgWrites(sql); …; await m.stop(n)`.
 * Tables with nothing written are left out; the bench's own reads count as commits too (a few).
 */
export async function pgWrites(sql: Sql) {
  const before = await snapshot(sql);
  return {
    async stop(per: number) {
      const after = await snapshot(sql);
      const tables: PgWrites['tables'] = {};
      for (const [name, row] of Object.entries(after.tables)) {
        const was = before.tables[name] ?? { inserted: 0, updated: 0, deleted: 0 };
        const delta = {
          inserted: (row.inserted - was.inserted) / per,
          updated: (row.updated - was.updated) / per,
          deleted: (row.deleted - was.deleted) / per,
        };
        if (delta.inserted || delta.updated || delta.deleted) tables[name] = delta;
      }
      return {
        commits: (after.commits - before.commits) / per,
        bytes: (after.bytes - before.bytes) / per,
        tables,
      };
    },
  };
}

/** "runs 1 ins + 2 upd, messages …": one line for the log and the results. */
export function describeWrites(writes: PgWrites): string {
  const round = (n: number) => Math.round(n * 100) / 100;
  const tables = Object.entries(writes.tables)
    .sort((a, b) => b[1].inserted + b[1].updated - (a[1].inserted + a[1].updated))
    .map(([name, w]) => {
      const parts = [
        w.inserted ? `${round(w.inserted)} ins` : '',
        w.updated ? `${round(w.updated)} upd` : '',
        w.deleted ? `${round(w.deleted)} del` : '',
      ].filter(Boolean);
      return `${name} ${parts.join(' + ')}`;
    });
  return `${round(writes.commits)} commits, ${Math.round(writes.bytes)} bytes; ${tables.join(', ')}`;
}
