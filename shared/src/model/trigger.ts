import { z } from 'zod';
import { Condition } from './condition';
import { TimeOfDay, Weekday } from './time-of-day';

export const EventTrigger = z.object({
  kind: z.literal('event'),
  /** The event name, e.g. 'cart_abandoned'. */
  event: z.string().min(1),
  filters: z.array(Condition).default([]),
  /** An event property that keys the run, e.g. 'cart_id': one run per cart instead of per contact. */
  entryKey: z.string().min(1).optional(),
});
export type EventTrigger = z.infer<typeof EventTrigger>;

/** Contacts matching the conditions enter, at activation and whenever a contact changes. */
export const SegmentTrigger = z.object({
  kind: z.literal('segment'),
  conditions: z.array(Condition),
});
export type SegmentTrigger = z.infer<typeof SegmentTrigger>;

/** A recurring sweep, e.g. every day at 10:00 everyone inactive for 60 days. */
export const ScheduleTrigger = z.object({
  kind: z.literal('schedule'),
  every: z.enum(['day', 'week']),
  at: TimeOfDay,
  /** For `every: 'week'`: the day of the sweep (0 = Sunday); Monday when omitted. */
  weekday: Weekday.optional(),
  conditions: z.array(Condition),
});
export type ScheduleTrigger = z.infer<typeof ScheduleTrigger>;

/** Enrollment through the API or a CSV import. */
export const ManualTrigger = z.object({ kind: z.literal('manual') });
export type ManualTrigger = z.infer<typeof ManualTrigger>;

export const Trigger = z.discriminatedUnion('kind', [
  EventTrigger,
  SegmentTrigger,
  ScheduleTrigger,
  ManualTrigger,
]);
export type Trigger = z.infer<typeof Trigger>;
export type TriggerKind = Trigger['kind'];
