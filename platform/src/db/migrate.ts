import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type postgres from 'postgres';
import { Umzug } from 'umzug';
import type { Logger } from '../logger';
import type { Sql } from './client';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Any number to serialise concurrent migrators (API and workers starting together). */
const MIGRATION_LOCK = 7_353_002;

type Tx = postgres.TransactionSql;

function migrator(tx: Tx, log?: Logger) {
  return new Umzug<Tx>({
    migrations: {
      glob: ['*.sql', { cwd: MIGRATIONS_DIR }],
      resolve: ({ name, path, context }) => ({
        name,
        up: async () => {
          if (!path) throw new Error(`migration ${name} has no file`);
          await context.unsafe(await readFile(path, 'utf8'));
        },
      }),
    },
    context: () => tx,
    storage: {
      executed: async ({ context }) =>
        (await context`select name from schema_migrations order by name`).map(
          (r) => r.name as string,
        ),
      logMigration: async ({ name, context }) => {
        await context`insert into schema_migrations (name) values (${name})`;
      },
      unlogMigration: async ({ name, context }) => {
        await context`delete from schema_migrations where name = ${name}`;
      },
    },
    logger: log
      ? {
          info: (m) => log.debug(m),
          warn: (m) => log.warn(m),
          error: (m) => log.error(m),
          debug: (m) => log.debug(m),
        }
      : undefined,
  });
}

/**
 * Applies every pending migration in one transaction under an advisory lock,
 * so concurrent starts are safe and a failed migration leaves nothing half-done.
 */
export async function migrate(sql: Sql, log?: Logger): Promise<string[]> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`create table if not exists schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`;
    const applied = await migrator(tx, log).up();
    const names = applied.map((m) => m.name);
    if (names.length > 0) log?.info({ migrations: names }, 'database migrated');
    return names;
  });
}
