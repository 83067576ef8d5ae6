import { condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index';
import { recheckPilotSignal } from './pilot-signals';

const { pilotState, completePilot } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

/** How often a closed pilot looks again for runs still inside. */
const FINISHING_CHECK_MS = 60 * 60 * 1000;
/** Checks per workflow history before it continues as new (keeps each history short). */
const CHECKS_PER_HISTORY = 100;

/**
 * Watches one journey's pilot (started at activation, one per journey): sleeps until the end
 * date is over, then waits — hourly — until the runs inside have finished, then completes the
 * journey. Returns early when the journey stops being active; `recheckPilot` wakes it at once.
 */
export async function pilotWorkflow(input: { journeyId: string }): Promise<string> {
  let recheck = false;
  setHandler(recheckPilotSignal, () => {
    recheck = true;
  });
  for (let checks = 0; checks < CHECKS_PER_HISTORY; checks++) {
    const state = await pilotState(input);
    if (!state.active || state.closesAt === undefined) return 'not_active';
    recheck = false;
    if (!state.closed) {
      await condition(() => recheck, Math.max(1000, state.closesAt - Date.now()));
      continue;
    }
    if (state.inFlight === 0) {
      const { completed } = await completePilot(input);
      if (completed) return 'completed';
    }
    await condition(() => recheck, FINISHING_CHECK_MS);
  }
  return continueAsNew<typeof pilotWorkflow>(input);
}
