import { pilotWorkflowId, recheckPilotSignal } from '@ruta/engine';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { AppDeps } from '../deps';

/**
 * Starts (or restarts, for a new activation) the journey's pilot watch (the engine's
 * `pilotWorkflow`): it reads the end date and the runs from the database each time it wakes,
 * so restarting it never loses anything.
 */
export async function watchPilot(
  deps: AppDeps,
  journeyId: string,
  running: 'TERMINATE_EXISTING' | 'USE_EXISTING' = 'TERMINATE_EXISTING',
) {
  await deps.temporal.workflow.start('pilotWorkflow', {
    taskQueue: deps.config.taskQueue,
    workflowId: pilotWorkflowId(deps.config.workflowIdPrefix, journeyId),
    workflowIdConflictPolicy: running,
    args: [{ journeyId }],
  });
}

/**
 * Wakes the journey's pilot watch so it reads the journey again at once (paused, stopped or
 * archived: it ends instead of sleeping until the end date). No watch, or one that has already
 * ended, is fine; a Temporal that cannot be reached only delays the watch to its own wake-up, so
 * it never fails the change of status.
 */
export async function recheckPilot(deps: AppDeps, journeyId: string) {
  const workflowId = pilotWorkflowId(deps.config.workflowIdPrefix, journeyId);
  try {
    await deps.temporal.workflow.getHandle(workflowId).signal(recheckPilotSignal);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError))
      deps.log.warn({ err: error, journeyId }, 'pilot watch not woken');
  }
}

/**
 * At start-up: every active journey with a pilot end date has its watch (journeys activated
 * before Ruta had one get theirs; a running watch is left alone). Never fails the start.
 */
export async function ensurePilotWatches(deps: AppDeps): Promise<number> {
  const journeys = await deps.sql<{ id: string }[]>`
    select id from journeys where status = 'active' and activation -> 'pilot' ->> 'endsAt' is not null`;
  let started = 0;
  for (const { id } of journeys) {
    try {
      await watchPilot(deps, id, 'USE_EXISTING');
      started += 1;
    } catch (error) {
      deps.log.warn({ err: error, journeyId: id }, 'pilot watch not started');
    }
  }
  return started;
}
