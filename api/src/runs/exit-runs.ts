import { deliverNow, exitSignal, OUTBOX_RETURNING, outboxRows } from '@ruta/engine';
import { type AppDeps, enrollmentTarget } from '../deps';

/** Which runs to end: one run, or every run of a journey in flight. */
export type ExitSelection = { runId: string } | { journeyId: string };

/**
 * Ends runs as `removed`: each active one gets the `exit` signal through the outbox (so a removal
 * asked while Temporal is down still happens once it is back). Answers how many runs were asked.
 */
export async function exitRuns(
  deps: AppDeps,
  workspaceId: string,
  selection: ExitSelection,
  exit: { reason: string; by: string },
): Promise<number> {
  const { sql } = deps;
  const which =
    'runId' in selection
      ? sql`r.id = ${selection.runId}`
      : sql`r.journey_id = ${selection.journeyId}`;
  const rows = await sql`
    insert into signal_outbox (workspace_id, run_id, workflow_id, kind, signal, payload)
    select r.workspace_id, r.id, r.workflow_id, 'signal', ${exitSignal.name}::text, ${sql.json(exit as never)}
    from runs r
    where ${which} and r.workspace_id = ${workspaceId} and r.status = 'active'
    returning ${sql.unsafe(OUTBOX_RETURNING)}`;
  await deliverNow({ ...enrollmentTarget(deps), log: deps.log }, outboxRows(rows));
  return rows.length;
}
