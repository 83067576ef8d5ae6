import type { Logger, Sql } from '@ruta/platform';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  WorkflowIdReusePolicy,
} from '@temporalio/common';
import { compileSnapshot, versionDefinition } from '../enrollment/journey-enrollment';
import { enrollSignal } from '../workflows/journey/signals';
import type { JourneyRunInput } from '../workflows/journey/types';
import type { OutboxRow, StartPayload } from './outbox-row';
import { closeIfWorkflowEnded } from './reconcile';

export interface OutboxTarget {
  sql: Sql;
  temporal: Client;
  log?: Logger;
}

/** Delivered (Temporal has it), or dropped (nobody is left to take it: the run ended). */
export type DeliveryResult = 'delivered' | 'dropped';

/** Temporal could not take the row now; it stays in the outbox and is tried again later. */
export class DeliveryDeferred extends Error {
  override readonly name = 'DeliveryDeferred';
}

const keys = {
  journey: defineSearchAttributeKey('RutaJourneyId', SearchAttributeType.KEYWORD),
  contact: defineSearchAttributeKey('RutaContactId', SearchAttributeType.KEYWORD),
  workspace: defineSearchAttributeKey('RutaWorkspaceId', SearchAttributeType.KEYWORD),
  preview: defineSearchAttributeKey('RutaPreview', SearchAttributeType.BOOL),
};

/**
 * Hands one outbox row to Temporal before `deadline` (ms since epoch). A start is
 * `signalWithStart` (a run already going just records the enrollment signal); a signal carries
 * the row's id as `deliveryId` and its run id, so the run ignores a repeated or misdirected one.
 * Throws when Temporal did not take it (unavailable, deadline passed, run not started yet).
 */
export async function deliverRow(
  target: OutboxTarget,
  row: OutboxRow,
  deadline: number,
): Promise<DeliveryResult> {
  if (row.kind === 'start') return deliverStart(target, row, deadline);
  const { temporal, sql } = target;
  const argument = {
    ...(row.payload as Record<string, unknown>),
    deliveryId: row.id,
    ...(row.run_id ? { runId: row.run_id } : {}),
  };
  try {
    await temporal.withDeadline(deadline, () =>
      temporal.workflow.getHandle(row.workflow_id).signal(row.signal, argument),
    );
    return 'delivered';
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    // No workflow running: while its run has not started, its start is still on the way (wait);
    // a run that started and whose workflow ended without its last checkpoint is closed.
    if (!row.run_id) return 'dropped';
    const [run] = await sql<{ status: string; temporal_run_id: string | null }[]>`
      select status, temporal_run_id from runs where id = ${row.run_id}`;
    if (run?.status !== 'active') return 'dropped';
    if (!run.temporal_run_id) throw new DeliveryDeferred('the run has not started yet');
    const state = await closeIfWorkflowEnded(target, row.run_id, row.workflow_id);
    if (state === 'running') throw new DeliveryDeferred('Temporal did not find the run; later');
    return 'dropped';
  }
}

async function deliverStart(
  target: OutboxTarget,
  row: OutboxRow,
  deadline: number,
): Promise<DeliveryResult> {
  const { sql, temporal } = target;
  const payload = row.payload as StartPayload;
  if (row.attempts > 0) {
    // The dispatcher's delivery (a request's own try may have reached Temporal after all): the run
    // records its Temporal run id at its first checkpoint, and an ended run must not start again
    // under the same workflow id.
    const [run] = await sql<{ status: string; temporal_run_id: string | null }[]>`
      select status, temporal_run_id from runs where id = ${row.run_id}`;
    if (!run || run.status !== 'active') return 'dropped';
    if (run.temporal_run_id) return 'delivered';
  }
  const definition = compileSnapshot(
    await versionDefinition(sql, payload.input.versionId),
    payload.activation,
  );
  const input: JourneyRunInput = { ...payload.input, definition };
  await temporal.withDeadline(deadline, () =>
    temporal.workflow.signalWithStart('journeyWorkflow', {
      taskQueue: payload.taskQueue,
      workflowId: row.workflow_id,
      args: [input],
      signal: enrollSignal,
      signalArgs: [{ ...payload.signalArg, deliveryId: row.id }],
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      typedSearchAttributes: [
        { key: keys.journey, value: input.journeyId },
        { key: keys.contact, value: input.contactId },
        { key: keys.workspace, value: input.workspaceId },
        { key: keys.preview, value: input.preview !== undefined },
      ],
    }),
  );
  return 'delivered';
}
