import type { JournalStep, RunStatus, WaitingFor } from '../workflows/journey/types';
import type { ActivityDeps } from './deps';

export interface CheckpointRequest {
  runId: string;
  /** Absent in checkpoints recorded before it was added (replays of older histories). */
  temporalRunId?: string;
  steps: JournalStep[];
  state: {
    status: RunStatus;
    currentNodeId: string | undefined;
    waitingFor: WaitingFor | undefined;
    outcome: string | undefined;
    convertedAt: string | undefined;
    endedAt: string | undefined;
  };
}

/** The run's timeline and state, written at each durable wait and at the end (idempotent). */
export function createJournalActivities({ sql }: ActivityDeps) {
  return {
    async checkpoint({ runId, temporalRunId, steps, state }: CheckpointRequest): Promise<void> {
      // One statement (the steps in a data-modifying CTE): one round trip, atomic all the same.
      const rows = steps.map((s) => ({
        run_id: runId,
        seq: s.seq,
        at: s.at,
        node_id: s.nodeId,
        kind: s.kind,
        port: s.port ?? null,
        detail: sql.json((s.detail ?? {}) as never),
      }));
      const update = sql`
        update runs set
          status = ${state.status},
          current_node = ${state.currentNodeId ?? null},
          waiting_for = ${state.waitingFor ? sql.json(state.waitingFor as never) : null},
          outcome = ${state.outcome ?? null},
          converted_at = coalesce(converted_at, ${state.convertedAt ?? null}),
          ended_at = ${state.endedAt ?? null},
          temporal_run_id = coalesce(temporal_run_id, ${temporalRunId ?? null}),
          updated_at = now()
        where id = ${runId}`;
      await (rows.length > 0
        ? sql`with steps as (insert into run_steps ${sql(rows)} on conflict (run_id, seq) do nothing) ${update}`
        : update);
    },
  };
}
