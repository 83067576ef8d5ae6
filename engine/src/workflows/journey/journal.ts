import { workflowInfo } from '@temporalio/workflow';
import { local } from './activities';
import type { RunContext } from './run-context';

/** Writes the steps taken since the last flush and the run's state (at each durable wait and at the end). */
export async function flush(ctx: RunContext): Promise<void> {
  const steps = ctx.takePending();
  const state = ctx.state();
  ctx.savedConvertedAt = state.convertedAt;
  await local.checkpoint({
    runId: ctx.input.runId,
    // The first Temporal run of this enrollment (continue-as-new keeps it): the run page links to it.
    temporalRunId: workflowInfo().firstExecutionRunId,
    steps,
    lastSeq: ctx.seq,
    state: {
      status: state.status,
      currentNodeId: state.currentNodeId,
      waitingFor: state.waitingFor,
      outcome: state.outcome,
      convertedAt: state.convertedAt,
      endedAt: state.status === 'active' ? undefined : new Date().toISOString(),
    },
  });
}
