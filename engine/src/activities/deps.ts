import type { Logger, Sql } from '@ruta/platform';

/** What activities need from the outside world; tests pass real ones (a real database). */
export interface ActivityDeps {
  sql: Sql;
  log: Logger;
  workerIdentity: string;
}
