import { exitSignal } from '@ruta/engine';
import type { AppDeps } from '../deps';
import { collectTraces, scrubTraces } from './contact-traces';
import { findContactRow } from './contact-views';

/** How long a delete waits for runs to take their `exit` signal before terminating them. */
const EXIT_GRACE_MS = 10_000;

/**
 * Erases a contact. Its runs in flight first get the `exit` signal (the same removal an operator
 * makes: the workflow ends the run as `removed` and flushes its timeline); any still running after
 * the grace period is terminated, so no workflow outlives its contact. Then, in one transaction,
 * the contact goes with its runs and steps, messages (their bodies), inbound messages (their
 * texts), events, hand-off tasks and consent history — and what names it elsewhere is scrubbed:
 * the sandbox's deliveries to it and the raw webhook receipts that mention its phone, email or
 * message ids.
 */
export async function deleteContact(
  deps: AppDeps,
  workspaceId: string,
  id: string,
  by: string,
): Promise<{
  exitedRuns: number;
  sandboxDeliveries: number;
  webhookReceipts: number;
  sourceDeliveries: number;
}> {
  const { sql, temporal, log } = deps;
  await findContactRow(sql, workspaceId, id);
  const runs = await sql<{ workflow_id: string }[]>`
    select distinct workflow_id from runs
    where contact_id = ${id} and workspace_id = ${workspaceId} and status = 'active'`;
  const deadline = Date.now() + EXIT_GRACE_MS;
  await Promise.all(
    runs.map(async ({ workflow_id: workflowId }) => {
      const handle = temporal.workflow.getHandle(workflowId);
      try {
        await handle.signal(exitSignal, { reason: 'contact deleted', by });
      } catch (error) {
        log.warn({ err: error, workflowId }, 'could not signal exit');
      }
      // Waits for the run to end until the deadline; the deadline ends the long poll itself.
      const ended = await temporal
        .withDeadline(deadline, () => handle.result())
        .then(
          () => true,
          // Failed or terminated before the deadline: ended. At the deadline: still running.
          () => Date.now() < deadline - 50,
        );
      if (!ended) {
        await handle.terminate('contact deleted').catch((error) => {
          log.warn({ err: error, workflowId }, 'could not terminate');
        });
      }
    }),
  );
  const traces = await collectTraces(sql, workspaceId, id);
  const scrubbed = await sql.begin(async (tx) => {
    await tx`delete from contacts where id = ${id} and workspace_id = ${workspaceId}`;
    return scrubTraces(tx, workspaceId, traces);
  });
  return { exitedRuns: runs.length, ...scrubbed };
}
