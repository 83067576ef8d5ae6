import { sweepScheduleId, sweepWorkflowId } from '@ruta/engine';
import type { JourneyDefinition } from '@ruta/shared';
import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import type { AppDeps } from '../deps';
import { recheckPilot, watchPilot } from './pilot-watch';

/** Workspaces' schedules run in this zone unless set (Ruta's first market). */
const DEFAULT_TIME_ZONE = 'America/Mexico_City';

/**
 * Keeps Temporal in step with a journey's trigger when its status changes: a schedule trigger
 * owns a Temporal Schedule (paused with the journey, deleted when it stops); a segment trigger
 * sweeps once at activation. An active journey also has its pilot watch, which completes the
 * journey once the pilot's end date is over and its runs have finished.
 */
export async function onJourneyStatus(
  deps: AppDeps,
  journey: { id: string; definition: JourneyDefinition | null; timeZone?: string },
  status: 'active' | 'paused' | 'stopped' | 'archived',
): Promise<void> {
  if (status === 'active') await watchPilot(deps, journey.id);
  else await recheckPilot(deps, journey.id);
  const trigger = journey.definition?.trigger;
  if (!trigger) return;
  const prefix = deps.config.workflowIdPrefix;
  const handle = deps.temporal.schedule.getHandle(sweepScheduleId(prefix, journey.id));
  if (trigger.kind === 'schedule') {
    if (status === 'active') {
      const [hour, minute] = trigger.at.split(':').map(Number);
      const spec = {
        calendars: [
          {
            hour: hour ?? 10,
            minute: minute ?? 0,
            ...(trigger.every === 'week' ? { dayOfWeek: dayName(trigger.weekday ?? 1) } : {}),
          },
        ],
        timezone: journey.timeZone ?? DEFAULT_TIME_ZONE,
      };
      try {
        await handle.update((previous) => ({ ...previous, spec, state: { paused: false } }));
        await handle.unpause('journey active');
      } catch (error) {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
        await deps.temporal.schedule.create({
          scheduleId: sweepScheduleId(prefix, journey.id),
          spec,
          action: {
            type: 'startWorkflow',
            workflowType: 'sweepWorkflow',
            args: [{ journeyId: journey.id }],
            taskQueue: deps.config.taskQueue,
          },
          policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
        });
      }
    } else if (status === 'paused') {
      await handle.pause('journey paused').catch(ignoreMissing);
    } else {
      await handle.delete().catch(ignoreMissing);
    }
  }
  if (trigger.kind === 'segment' && status === 'active')
    await startSweep(deps, journey.id, `activation-${Date.now()}`);
}

/** Sweeps the journey's segment now (a segment or schedule trigger): "enroll everyone who matches". */
export async function startSweep(deps: AppDeps, journeyId: string, tag: string) {
  const workflowId = sweepWorkflowId(deps.config.workflowIdPrefix, journeyId, tag);
  await deps.temporal.workflow.start('sweepWorkflow', {
    taskQueue: deps.config.taskQueue,
    workflowId,
    args: [{ journeyId }],
  });
  return workflowId;
}

function ignoreMissing(error: unknown) {
  if (!(error instanceof ScheduleNotFoundError)) throw error;
}

function dayName(weekday: number) {
  return (
    (['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const)[
      weekday
    ] ?? 'MONDAY'
  );
}
