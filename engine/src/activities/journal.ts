import type { JournalStep, RunStatus, WaitingFor } from '../workflows/journey/types';
import type { ActivityDeps } from './deps';

export interface CheckpointRequest {
  runId: string;
  /** Absent in checkpoints recorded before it was added (replays of older histories). */
  temporalRunId?: string;
  steps: JournalStep[];
  /** The run's last step number now; absent in checkpoints recorded before it was added. */
  lastSeq?: number;
  state: {
    status: RunStatus;
    currentNodeId: string | undefined;
    waitingFor: WaitingFor | undefined;
    outcome: string | undefined;
    convertedAt: string | undefined;
    endedAt: string | undefined;
  };
}

/**
 * The run's timeline and state, written at each durable wait and at the end. Idempotent, and the
 * workflow's own history has the last word: a checkpoint made in a workflow task that never
 * completed (its worker died) may have written steps the replay numbers differently (signals that
 * arrived meanwhile interleave), so a later checkpoint overwrites its steps and drops any numbered
 * past the run's last step.
 */
export function createJournalActivities({ sql }: ActivityDeps) {
  return {
    async checkpoint({
      runId,
      temporalRunId,
      steps,
      lastSeq,
      state,
    }: CheckpointRequest): Promise<void> {
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
      const stale =
        lastSeq === undefined
          ? sql``
          : sql`, stale as (delete from run_steps where run_id = ${runId} and seq > ${lastSeq})`;
      await (rows.length > 0
        ? sql`
            with steps as (
              insert into run_steps ${sql(rows)}
              on conflict (run_id, seq) do update set at = excluded.at, node_id = excluded.node_id,
                kind = excluded.kind, port = excluded.port, detail = excluded.detail
            ) ${stale} ${update}`
        : lastSeq === undefined
          ? update
          : sql`with stale as (delete from run_steps where run_id = ${runId} and seq > ${lastSeq}) ${update}`);
    },
  };
}
