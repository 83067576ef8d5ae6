import { z } from 'zod';
import { durationMs, UNIT_MS } from './duration-ms';
import type { Localized } from './localized';
import { addRuleIssue } from './rule-issue';

export const DurationUnit = z.enum(['seconds', 'minutes', 'hours', 'days']);
export type DurationUnit = z.infer<typeof DurationUnit>;

export const MIN_DURATION_MS = UNIT_MS.seconds;
export const MAX_DURATION_DAYS = 400;
export const MAX_DURATION_MS = MAX_DURATION_DAYS * UNIT_MS.days;

export { durationMs };

export const Duration = z
  .object({ amount: z.number().positive(), unit: DurationUnit })
  .superRefine((duration, ctx) => {
    const ms = durationMs(duration);
    if (ms <= 0) return; // already reported: the amount must be positive
    if (ms < MIN_DURATION_MS || ms > MAX_DURATION_MS) {
      addRuleIssue(
        ctx,
        'duration_out_of_range',
        {
          es: `La duración debe estar entre 1 segundo y ${MAX_DURATION_DAYS} días.`,
          pt: `A duração deve ficar entre 1 segundo e ${MAX_DURATION_DAYS} dias.`,
          en: `The duration must be between 1 second and ${MAX_DURATION_DAYS} days.`,
        },
        ['amount'],
      );
    }
  });
export type Duration = z.infer<typeof Duration>;

const unitWords: Record<DurationUnit, Record<keyof Localized, [string, string]>> = {
  seconds: { es: ['s', 's'], pt: ['s', 's'], en: ['s', 's'] },
  minutes: { es: ['min', 'min'], pt: ['min', 'min'], en: ['min', 'min'] },
  hours: { es: ['h', 'h'], pt: ['h', 'h'], en: ['h', 'h'] },
  days: { es: ['día', 'días'], pt: ['dia', 'dias'], en: ['day', 'days'] },
};

/** '24 h', '30 min', '1 día' / '1 day', '2 días' / '2 days' — the amount as the marketer typed it. */
export function formatDuration(duration: { amount: number; unit: DurationUnit }): Localized {
  const { amount, unit } = duration;
  const index = amount === 1 ? 0 : 1;
  const words = unitWords[unit];
  return {
    es: `${String(amount).replace('.', ',')} ${words.es[index]}`,
    pt: `${String(amount).replace('.', ',')} ${words.pt[index]}`,
    en: `${amount} ${words.en[index]}`,
  };
}
