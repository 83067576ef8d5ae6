import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Delivery, EngagementSignal, EventSignal, ExitSignal, RunState } from './types';

export const engagementSignal = defineSignal<[EngagementSignal]>('engagement');
export const eventSignal = defineSignal<[EventSignal]>('event');
export const exitSignal = defineSignal<[ExitSignal]>('exit');
/** Sent with every enrollment (`signalWithStart`); a run already going records the repeat. */
export const enrollSignal = defineSignal<[{ eventId?: string } & Delivery]>('enroll');
export const stateQuery = defineQuery<RunState>('state');
