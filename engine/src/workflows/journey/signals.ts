import { defineQuery, defineSignal } from '@temporalio/workflow';
import type {
  Delivery,
  EngagementSignal,
  EventSignal,
  ExitSignal,
  HandoffClosedSignal,
  RunState,
} from './types';

// Definitions only (each is a `{ type, name }` value): the API and the outbox signal and query runs
// with them through `@ruta/engine`, so nothing here may import workflow code or run at load.

export const engagementSignal = defineSignal<[EngagementSignal], 'engagement'>('engagement');
export const eventSignal = defineSignal<[EventSignal], 'event'>('event');
export const exitSignal = defineSignal<[ExitSignal], 'exit'>('exit');
/** The agent closed the run's hand-off (a step that waits for the agent goes on by the result). */
export const handoffClosedSignal = defineSignal<[HandoffClosedSignal], 'handoffClosed'>(
  'handoffClosed',
);
/** Sent with every enrollment (`signalWithStart`); a run already going records the repeat. */
export const enrollSignal = defineSignal<[{ eventId?: string } & Delivery], 'enroll'>('enroll');
export const stateQuery = defineQuery<RunState, [], 'state'>('state');

/** The name of every signal a run takes from outside (what `signal_outbox.signal` holds). */
export type JourneySignalName = (
  | typeof engagementSignal
  | typeof eventSignal
  | typeof exitSignal
  | typeof handoffClosedSignal
  | typeof enrollSignal
)['name'];
