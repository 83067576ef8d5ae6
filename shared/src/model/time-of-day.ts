import { z } from 'zod';

/** A wall-clock time 'HH:MM' (24-hour), read in the contact's time zone. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/** 0 = Sunday … 6 = Saturday, as `Date.getDay()` counts. */
export const Weekday = z.int().min(0).max(6);
export type Weekday = z.infer<typeof Weekday>;
