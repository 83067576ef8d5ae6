import { z } from 'zod';
import { Channel } from './channel';
import { Condition } from './condition';
import { Duration } from './duration';
import { addRuleIssue } from './rule-issue';
import { TimeOfDay } from './time-of-day';

export const ReentryMode = z.enum(['never', 'after_exit', 'always']);
export type ReentryMode = z.infer<typeof ReentryMode>;

export const ReentrySettings = z.object({
  mode: ReentryMode,
  /** Minimum time between a run's end and the same contact (or entry key) entering again. */
  cooldown: Duration.optional(),
});
export type ReentrySettings = z.infer<typeof ReentrySettings>;

/** No sends between `start` and `end` in the contact's time zone; may wrap midnight (21:00–08:00). */
export const QuietHours = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .superRefine((hours, ctx) => {
    if (hours.start === hours.end) {
      addRuleIssue(
        ctx,
        'empty_quiet_hours',
        {
          es: 'El horario de silencio empieza y termina a la misma hora; cambia una de las dos.',
          pt: 'O horário de silêncio começa e termina no mesmo horário; altere um dos dois.',
          en: 'Quiet hours start and end at the same time; change one of them.',
        },
        ['end'],
      );
    }
  });
export type QuietHours = z.infer<typeof QuietHours>;

export const FrequencyCap = z.object({
  max: z.int().min(1),
  per: Duration,
  channel: z.union([Channel, z.literal('all')]),
  whenCapped: z.enum(['wait', 'skip']),
});
export type FrequencyCap = z.infer<typeof FrequencyCap>;

export const Goal = z.object({
  event: z.string().min(1),
  filters: z.array(Condition).default([]),
  window: Duration,
  exitOnGoal: z.boolean().default(true),
});
export type Goal = z.infer<typeof Goal>;

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export const Pilot = z.object({
  enrollmentPercent: z.number().min(0).max(100).default(100),
  /** Enrolled but never messaged; conversions still counted, for lift. */
  holdoutPercent: z.number().min(0).lt(100).default(0),
  endsAt: z.string().regex(isoDate, 'ISO date').optional(),
});
export type Pilot = z.infer<typeof Pilot>;

export const JourneySettings = z.object({
  reentry: ReentrySettings.default({ mode: 'after_exit' }),
  quietHours: QuietHours.optional(),
  frequencyCap: FrequencyCap.optional(),
  goal: Goal.optional(),
  pilot: Pilot.optional(),
});
export type JourneySettings = z.infer<typeof JourneySettings>;
