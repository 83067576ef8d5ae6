import { z } from 'zod';
import {
  Duration,
  DurationUnit,
  durationMs,
  MAX_DURATION_DAYS,
  MAX_DURATION_MS,
} from '../model/duration';
import { addRuleIssue } from '../model/rule-issue';
import { TimeOfDay, Weekday } from '../model/time-of-day';
import { nodeBase } from './common';

export const WaitUntil = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('duration'), duration: Duration }),
  /** The next `time` in the contact's time zone, on one of `weekdays` (0 = Sunday) when given. */
  z.object({
    kind: z.literal('time_of_day'),
    time: TimeOfDay,
    weekdays: z.array(Weekday).min(1).max(7).optional(),
  }),
  /** A date in a contact attribute plus an offset (negative = before), e.g. 2 days before 'renewal_at'. */
  z.object({
    kind: z.literal('date_attribute'),
    attribute: z.string().min(1),
    offset: z.object({ amount: z.number(), unit: DurationUnit }).superRefine((offset, ctx) => {
      if (Math.abs(durationMs(offset)) > MAX_DURATION_MS) {
        addRuleIssue(
          ctx,
          'duration_out_of_range',
          {
            es: `El desfase no puede pasar de ${MAX_DURATION_DAYS} días.`,
            pt: `O deslocamento não pode passar de ${MAX_DURATION_DAYS} dias.`,
            en: `The offset cannot exceed ${MAX_DURATION_DAYS} days.`,
          },
          ['amount'],
        );
      }
    }),
  }),
  /** `hoursBefore` hours before the contact's 24-hour WhatsApp window closes (free text still allowed). */
  z.object({ kind: z.literal('whatsapp_window'), hoursBefore: z.int().min(1).max(23) }),
]);
export type WaitUntil = z.infer<typeof WaitUntil>;

export const WaitNode = z.object({ type: z.literal('wait'), ...nodeBase, until: WaitUntil });
export type WaitNode = z.infer<typeof WaitNode>;

export function outputPorts(_node: WaitNode): string[] {
  return ['next'];
}
