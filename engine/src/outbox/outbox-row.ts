import type { Activation } from '../enrollment/journey-enrollment';
import type { JourneySignalName } from '../workflows/journey/signals';
import type { JourneyRunInput } from '../workflows/journey/types';

/** The signals a run takes from outside (engine/src/workflows/journey/signals.ts). */
export type OutboxSignal = JourneySignalName;

/** A row of `signal_outbox`: something that must reach a workflow, until Temporal accepts it. */
export interface OutboxRow {
  /** bigint, as text. */
  id: string;
  workspace_id: string;
  /** The runs row it concerns (a start creates it; a signal is meant for it only). */
  run_id: string | null;
  workflow_id: string;
  kind: 'start' | 'signal';
  signal: OutboxSignal;
  payload: unknown;
  attempts: number;
}

/**
 * What a start carries: the run's input without its definition (the version's definition is
 * immutable, so it is read — cached — when the start is delivered, with the activation the run
 * was enrolled under), the enrollment signal's argument and the task queue.
 */
export interface StartPayload {
  input: Omit<JourneyRunInput, 'definition'>;
  activation: Activation | null;
  signalArg: { eventId?: string };
  taskQueue: string;
}

/** The columns a statement returns for rows it wrote, so the writer can deliver them at once. */
export const OUTBOX_RETURNING =
  'id, workspace_id, run_id, workflow_id, kind, signal, payload, attempts';

/** Rows as the `postgres` driver returns them (bigint ids come back as strings already). */
export function outboxRows(rows: readonly Record<string, unknown>[]): OutboxRow[] {
  return rows.map((row) => ({
    id: String(row.id),
    workspace_id: String(row.workspace_id),
    run_id: (row.run_id as string | null) ?? null,
    workflow_id: String(row.workflow_id),
    kind: row.kind as OutboxRow['kind'],
    signal: row.signal as OutboxSignal,
    payload: row.payload,
    attempts: Number(row.attempts ?? 0),
  }));
}
