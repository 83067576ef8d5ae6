import { describe, expect, test } from 'vitest';
import { Condition } from './condition';
import { describeCondition } from './condition-text';
import { Duration, durationMs, formatDuration } from './duration';
import { JourneySettings } from './settings';
import { Trigger } from './trigger';
import { triggerSummary } from './trigger-summary';

describe('Duration', () => {
  test('durationMs', () => {
    expect(durationMs({ amount: 24, unit: 'hours' })).toBe(86_400_000);
    expect(durationMs({ amount: 90, unit: 'seconds' })).toBe(90_000);
  });

  test('bounded between 1 second and 400 days', () => {
    expect(Duration.safeParse({ amount: 1, unit: 'seconds' }).success).toBe(true);
    expect(Duration.safeParse({ amount: 400, unit: 'days' }).success).toBe(true);
    expect(Duration.safeParse({ amount: 401, unit: 'days' }).success).toBe(false);
    expect(Duration.safeParse({ amount: 999, unit: 'milliseconds' }).success).toBe(false);
  });

  test.each([
    [{ amount: 24, unit: 'hours' }, '24 h', '24 h', '24 h'],
    [{ amount: 1, unit: 'days' }, '1 día', '1 dia', '1 day'],
    [{ amount: 2, unit: 'days' }, '2 días', '2 dias', '2 days'],
    [{ amount: 1.5, unit: 'hours' }, '1,5 h', '1,5 h', '1.5 h'],
    [{ amount: 30, unit: 'minutes' }, '30 min', '30 min', '30 min'],
  ] as const)('formatDuration(%j)', (duration, es, pt, en) => {
    expect(formatDuration(duration)).toEqual({ es, pt, en });
  });
});

describe('Condition', () => {
  test('an "in" needs a list, "exists" needs nothing', () => {
    expect(
      Condition.safeParse({ source: 'contact', field: 'plan', op: 'in', value: ['pro', 'max'] })
        .success,
    ).toBe(true);
    expect(
      Condition.safeParse({ source: 'contact', field: 'plan', op: 'in', value: 'pro' }).success,
    ).toBe(false);
    expect(Condition.safeParse({ source: 'contact', field: 'plan', op: 'exists' }).success).toBe(
      true,
    );
    expect(Condition.safeParse({ source: 'contact', field: 'plan', op: 'eq' }).success).toBe(false);
  });

  test.each([
    [
      { source: 'contact', field: 'last_order_at', op: 'older_than_days', value: 60 },
      'contact.last_order_at hace más de 60 días',
      'contact.last_order_at há mais de 60 dias',
      'contact.last_order_at more than 60 days ago',
    ],
    [
      { source: 'contact', field: 'preferred_channel', op: 'eq', value: 'email' },
      'contact.preferred_channel = «email»',
      'contact.preferred_channel = «email»',
      'contact.preferred_channel = "email"',
    ],
    [
      { source: 'engagement', field: 'replied', op: 'exists' },
      'engagement.replied tiene valor',
      'engagement.replied tem valor',
      'engagement.replied is set',
    ],
  ] as const)('describeCondition(%j)', (condition, es, pt, en) => {
    expect(describeCondition(Condition.parse(condition))).toEqual({ es, pt, en });
  });
});

describe('Trigger and settings', () => {
  test('event filters default to none; settings default to re-entry after exit', () => {
    expect(Trigger.parse({ kind: 'event', event: 'cart_abandoned' })).toEqual({
      kind: 'event',
      event: 'cart_abandoned',
      filters: [],
    });
    expect(JourneySettings.parse({})).toEqual({ reentry: { mode: 'after_exit' } });
    expect(JourneySettings.parse({ pilot: {} }).pilot).toEqual({
      enrollmentPercent: 100,
      holdoutPercent: 0,
    });
  });

  test.each([
    [
      { kind: 'event', event: 'cart_abandoned', entryKey: 'cart_id' },
      'Evento: carrito abandonado · un recorrido por cada carrito',
    ],
    [
      { kind: 'event', event: 'store_visit', entryKey: 'visit_ref' },
      'Evento: «store visit» · un recorrido por cada «visit ref»',
    ],
    [{ kind: 'schedule', every: 'day', at: '10:00', conditions: [] }, 'Cada día a las 10:00'],
    [
      { kind: 'schedule', every: 'week', at: '09:30', weekday: 5, conditions: [] },
      'Cada viernes a las 09:30',
    ],
    [
      { kind: 'segment', conditions: [{ source: 'contact', field: 'vip', op: 'exists' }] },
      'Segmento · 1 condición',
    ],
    [{ kind: 'manual' }, 'Inscripción manual (API o CSV)'],
  ])('triggerSummary(%j)', (trigger, es) => {
    expect(triggerSummary(Trigger.parse(trigger)).es).toBe(es);
  });
});
