import { sourcePollScheduleId } from '@ruta/engine';
import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import type { AppDeps } from '../deps';

/** Tiendanube lists abandoned checkouts up to hours after the fact: read them this often. */
export const TIENDANUBE_POLL_EVERY = '15 minutes';

/**
 * A Tiendanube source owns a Temporal Schedule that reads its abandoned checkouts (GET /checkouts,
 * the only place they exist); it is created with the source and deleted with it. A schedule that
 * cannot be created now (Temporal down) is created by the next change of the source.
 */
export async function ensurePollSchedule(deps: AppDeps, source: { id: string; platform: string }) {
  if (source.platform !== 'tiendanube') return;
  const scheduleId = sourcePollScheduleId(deps.config.workflowIdPrefix, source.id);
  try {
    await deps.temporal.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: TIENDANUBE_POLL_EVERY }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'sourcePollWorkflow',
        args: [{ sourceId: source.id }],
        taskQueue: deps.config.taskQueue,
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    });
  } catch (error) {
    if ((error as Error).name === 'ScheduleAlreadyRunning') return;
    deps.log.warn({ err: error, sourceId: source.id }, 'source poll schedule not created');
  }
}

export async function removePollSchedule(deps: AppDeps, source: { id: string; platform: string }) {
  if (source.platform !== 'tiendanube') return;
  const handle = deps.temporal.schedule.getHandle(
    sourcePollScheduleId(deps.config.workflowIdPrefix, source.id),
  );
  await handle.delete().catch((error) => {
    if (!(error instanceof ScheduleNotFoundError))
      deps.log.warn({ err: error, sourceId: source.id }, 'source poll schedule not deleted');
  });
}
