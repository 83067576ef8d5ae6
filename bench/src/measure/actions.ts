/** The parts of a fetched history (`handle.fetchHistory()`) this reads. */
interface History {
  events?:
    | {
        eventType?: number | null;
        activityTaskStartedEventAttributes?: { attempt?: number | null } | null;
        markerRecordedEventAttributes?: { markerName?: string | null } | null;
      }[]
    | null;
}
type EventType = number;

// Event types by number (temporal.api.enums.v1.EventType), so no proto import is needed at run time.
const STARTED = 1 as EventType; // WORKFLOW_EXECUTION_STARTED
const TASK_COMPLETED = 7 as EventType; // WORKFLOW_TASK_COMPLETED
const ACTIVITY_SCHEDULED = 10 as EventType; // ACTIVITY_TASK_SCHEDULED
const ACTIVITY_STARTED = 11 as EventType; // ACTIVITY_TASK_STARTED
const TIMER_STARTED = 17 as EventType; // TIMER_STARTED
const MARKER = 25 as EventType; // MARKER_RECORDED
const SIGNALED = 26 as EventType; // WORKFLOW_EXECUTION_SIGNALED
const UPSERT_SEARCH_ATTRIBUTES = 40 as EventType; // UPSERT_WORKFLOW_SEARCH_ATTRIBUTES

/**
 * Temporal Cloud Actions a history stands for, by the rules of docs.temporal.io/cloud/actions:
 * a workflow start (a Signal-With-Start's start and its signal are one Action together), each
 * signal, each activity scheduled plus its retries, each timer, each search-attribute upsert, and
 * the local activities of one workflow task as one Action. Activity heartbeats that reach the
 * server count too but leave no event: not counted here (Ruta's sends heartbeat each second,
 * throttled to 80 % of the 5 s timeout, so a send under 4 s records none).
 */
export function estimateActions(history: History): number {
  let actions = 0;
  let previous: EventType | null | undefined;
  let task = 0;
  const tasksWithLocalActivities = new Set<number>();
  for (const event of history.events ?? []) {
    const type = event.eventType;
    if (type === STARTED || type === ACTIVITY_SCHEDULED || type === TIMER_STARTED) actions += 1;
    else if (type === UPSERT_SEARCH_ATTRIBUTES) actions += 1;
    else if (type === SIGNALED && previous !== STARTED) actions += 1;
    else if (type === ACTIVITY_STARTED)
      actions += Math.max(0, (event.activityTaskStartedEventAttributes?.attempt ?? 1) - 1);
    else if (type === TASK_COMPLETED) task += 1;
    else if (
      type === MARKER &&
      event.markerRecordedEventAttributes?.markerName === 'core_local_activity'
    )
      tasksWithLocalActivities.add(task);
    previous = type;
  }
  return actions + tasksWithLocalActivities.size;
}
