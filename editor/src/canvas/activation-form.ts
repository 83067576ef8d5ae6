import type { Duration, JourneySettings } from '@ruta/shared';
import type { Activation } from '../api/models';

/** What the "Activar piloto" dialog edits; everything else of each setting is kept as it is. */
export interface ActivationForm {
  enrollmentPercent: number;
  holdoutPercent: number;
  endsAt: string;
  reentry: JourneySettings['reentry']['mode'];
  /** No cooldown when its amount is 0. */
  cooldown: Duration;
  quiet: { on: boolean; start: string; end: string };
  cap: { on: boolean; max: number; per: Duration };
  goal: { on: boolean; event: string; window: Duration };
}

function isoDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

/** The form as the journey's settings have it (switched-off settings show the usual values). */
export function activationForm(settings: JourneySettings): ActivationForm {
  return {
    enrollmentPercent: settings.pilot?.enrollmentPercent ?? 100,
    holdoutPercent: settings.pilot?.holdoutPercent ?? 10,
    endsAt: settings.pilot?.endsAt ?? isoDate(75),
    reentry: settings.reentry.mode,
    cooldown: settings.reentry.cooldown ?? { amount: 0, unit: 'days' },
    quiet: {
      on: Boolean(settings.quietHours),
      start: settings.quietHours?.start ?? '21:00',
      end: settings.quietHours?.end ?? '08:00',
    },
    cap: {
      on: Boolean(settings.frequencyCap),
      max: settings.frequencyCap?.max ?? 3,
      per: settings.frequencyCap?.per ?? { amount: 24, unit: 'hours' },
    },
    goal: {
      on: Boolean(settings.goal),
      event: settings.goal?.event ?? 'order_placed',
      window: settings.goal?.window ?? { amount: 7, unit: 'days' },
    },
  };
}

/**
 * The activation request: every setting sent whole — the journey's own fields the dialog does not
 * show (goal filters, exit on goal, the cap's channel and what happens when capped) kept as they
 * are — and a setting switched off sent as `null`, so the API switches it off.
 */
export function activationRequest(settings: JourneySettings, form: ActivationForm): Activation {
  const { cooldown: _previous, ...reentry } = settings.reentry;
  return {
    pilot: {
      enrollmentPercent: form.enrollmentPercent,
      holdoutPercent: form.holdoutPercent,
      endsAt: form.endsAt,
    },
    reentry: {
      ...reentry,
      mode: form.reentry,
      ...(form.cooldown.amount > 0 ? { cooldown: form.cooldown } : {}),
    },
    quietHours: form.quiet.on ? { start: form.quiet.start, end: form.quiet.end } : null,
    frequencyCap: form.cap.on
      ? {
          channel: 'all',
          whenCapped: 'wait',
          ...settings.frequencyCap,
          max: form.cap.max,
          per: form.cap.per,
        }
      : null,
    goal: form.goal.on
      ? {
          filters: [],
          exitOnGoal: true,
          ...settings.goal,
          event: form.goal.event,
          window: form.goal.window,
        }
      : null,
  };
}
