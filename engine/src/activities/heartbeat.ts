import { Context } from '@temporalio/activity';

/**
 * Heartbeats every second while `work` runs, when called inside an activity (tests call activities
 * directly too): the server then notices a dead worker within the heartbeat timeout.
 */
export async function withHeartbeat<T>(work: () => Promise<T>, everyMs = 1_000): Promise<T> {
  let context: Context | undefined;
  try {
    context = Context.current();
  } catch {
    return work();
  }
  const current = context;
  current.heartbeat();
  const timer = setInterval(() => current.heartbeat(), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
