import { randomBytes } from 'node:crypto';
import { createSql, type Sql, withDatabase } from '../db/client';

export const TEST_DATABASE_PREFIX = 'ruta_t_';

export interface TestDatabase {
  url: string;
  sql: Sql;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database for one suite, copied from the run's template (fast). */
export async function createTestDatabase(
  serverUrl: string,
  templateDatabase: string,
): Promise<TestDatabase> {
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  const admin = createSql(withDatabase(serverUrl, 'postgres'), { max: 1 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${templateDatabase}"`);
        break;
      } catch (error) {
        // Two suites copying the template at the same moment: PostgreSQL refuses one; try again.
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const sql = createSql(url);
  return {
    url,
    sql,
    async drop() {
      await sql.end();
      const dropper = createSql(withDatabase(serverUrl, 'postgres'), { max: 1 });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
