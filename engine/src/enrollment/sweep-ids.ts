/** The Temporal Schedule that sweeps a schedule-triggered journey. */
export function sweepScheduleId(prefix: string | undefined, journeyId: string): string {
  return `${prefix ?? ''}sweep/${journeyId}`;
}

/** One sweep run (an activation of a segment journey, or "sweep now"). */
export function sweepWorkflowId(
  prefix: string | undefined,
  journeyId: string,
  tag: string,
): string {
  return `${prefix ?? ''}sweep/${journeyId}/${tag}`;
}
