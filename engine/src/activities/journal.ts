import type { JournalStep, RunStatus, WaitingFor } from '../workflows/journey/types';
import type { ActivityDeps } from './deps';

export interface CheckpointRequest {
  runId: string;
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
    async checkpoint({ runId, steps, state }: CheckpointRequest): Promise<void> {
      await sql.begin(async (tx) => {
        if (steps.length > 0) {
          const rows = steps.map((s) => ({
            run_id: runId,
            seq: s.seq,
            at: s.at,
            node_id: s.nodeId,
            kind: s.kind,
            port: s.port ?? null,
            detail: tx.json((s.detail ?? {}) as never),
          }));
          await tx`insert into run_steps ${tx(rows)} on conflict (run_id, seq) do nothing`;
        }
        await tx`
          update runs set
            status = ${state.status},
            current_node = ${state.currentNodeId ?? null},
            waiting_for = ${state.waitingFor ? tx.json(state.waitingFor as never) : null},
            outcome = ${state.outcome ?? null},
            converted_at = coalesce(converted_at, ${state.convertedAt ?? null}),
            ended_at = ${state.endedAt ?? null},
            updated_at = now()
          where id = ${runId}`;
      });
    },
  };
}
