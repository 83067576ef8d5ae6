import { defineSignal } from '@temporalio/workflow';

/** Wakes a journey's pilot watch to look at its end date and runs now (tests, settings changes). */
export const recheckPilotSignal = defineSignal<[], 'recheckPilot'>('recheckPilot');

/** The pilot watch of a journey: one per journey. */
export function pilotWorkflowId(prefix: string | undefined, journeyId: string): string {
  return `${prefix ?? ''}pilot/${journeyId}`;
}
