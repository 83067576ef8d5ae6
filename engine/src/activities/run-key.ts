import type { Sql } from '@ruta/platform';

/**
 * The idempotency key of a run's side effect. `workflowId:nodeId:visit` (DESIGN §3) is stable
 * across retries and replays, but re-entry reuses the workflow id (the same cart abandoned again
 * after its run ended), so a later run would find the earlier run's rows under those keys and
 * send nothing. When an earlier run holds any of `keys`, this run's keys get `@{runId}` appended:
 * still stable across this run's retries, since the earlier rows stay where they are.
 * Returns the first key (the base of the others), scoped if needed.
 */
export async function runScopedKey(
  sql: Sql,
  table: 'messages' | 'handoff_tasks',
  keys: string[],
  runId: string,
): Promise<string> {
  const base = keys[0];
  if (base === undefined) throw new Error('no idempotency key');
  const [earlier] = await sql`
    select 1 from ${sql(table)}
    where idempotency_key = any(${keys}) and run_id is distinct from ${runId}
    limit 1`;
  return earlier ? scopedKey(base, runId) : base;
}

/** The key a run uses when an earlier run of the same workflow id holds the plain one. */
export function scopedKey(base: string, runId: string): string {
  return `${base}@${runId}`;
}
