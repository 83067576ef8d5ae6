import { Context } from '@temporalio/activity';

/**
 * Temporal's cancellation signal for the running activity (cancellation, worker shutdown), so
 * outbound calls stop with it; undefined outside an activity (direct calls in tests).
 */
export function activitySignal(): AbortSignal | undefined {
  try {
    return Context.current().cancellationSignal;
  } catch {
    return undefined;
  }
}
