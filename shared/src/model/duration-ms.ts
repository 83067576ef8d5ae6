/** Milliseconds per duration unit; zod-free so workflow code can use it. */
export const UNIT_MS = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
} as const;

/** Milliseconds in `amount` of `unit` (days are 24 h; calendar-aware waits use `wait` kinds). */
export function durationMs(duration: { amount: number; unit: keyof typeof UNIT_MS }): number {
  return duration.amount * UNIT_MS[duration.unit];
}
