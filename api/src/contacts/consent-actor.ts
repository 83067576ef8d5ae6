import type { Sql } from '@ruta/platform';
import type { Tx } from '../db';

/**
 * Runs `write` in a transaction that names who is acting (`user:<id>` or `api_key:<id>`): the
 * consent_history trigger records it with every consent change the transaction makes.
 */
export async function asActor<T>(
  sql: Sql,
  actor: string,
  write: (tx: Tx) => Promise<T>,
): Promise<T> {
  const result = await sql.begin(async (tx) => {
    await tx`select set_config('ruta.actor', ${actor}, true)`;
    return write(tx);
  });
  return result as T;
}
