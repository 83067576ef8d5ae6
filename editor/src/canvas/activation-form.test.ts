import { JourneySettings } from '@ruta/shared';
import { describe, expect, test } from 'vitest';
import { activationForm, activationRequest } from './activation-form';

const settings = JourneySettings.parse({
  reentry: { mode: 'after_exit', cooldown: { amount: 36, unit: 'hours' } },
  quietHours: { start: '22:00', end: '07:30' },
  frequencyCap: {
    max: 2,
    per: { amount: 3, unit: 'days' },
    channel: 'whatsapp',
    whenCapped: 'skip',
  },
  goal: {
    event: 'order_placed',
    filters: [{ source: 'event', field: 'total', op: 'gt', value: 500 }],
    window: { amount: 36, unit: 'hours' },
    exitOnGoal: false,
  },
  pilot: { enrollmentPercent: 80, holdoutPercent: 20, endsAt: '2027-02-15' },
});

describe('the activation dialog’s round trip', () => {
  test('opened and confirmed unchanged, it sends the journey’s settings exactly, every field kept', () => {
    const sent = activationRequest(settings, activationForm(settings));
    expect(sent).toEqual({
      pilot: settings.pilot,
      reentry: settings.reentry,
      quietHours: settings.quietHours,
      frequencyCap: settings.frequencyCap,
      goal: settings.goal,
    });
  });

  test('switched off, quiet hours, the cap and the goal are sent as null (off), not left out', () => {
    const form = activationForm(settings);
    const sent = activationRequest(settings, {
      ...form,
      quiet: { ...form.quiet, on: false },
      cap: { ...form.cap, on: false },
      goal: { ...form.goal, on: false },
    });
    expect(sent.quietHours).toBeNull();
    expect(sent.frequencyCap).toBeNull();
    expect(sent.goal).toBeNull();
  });

  test('an edited field changes only itself; a cooldown of 0 means none', () => {
    const form = activationForm(settings);
    const sent = activationRequest(settings, {
      ...form,
      cooldown: { amount: 0, unit: 'days' },
      goal: { ...form.goal, window: { amount: 2, unit: 'days' } },
    });
    expect(sent.reentry).toEqual({ mode: 'after_exit' });
    expect(sent.goal).toEqual({ ...settings.goal, window: { amount: 2, unit: 'days' } });
  });

  test('a setting switched on that the journey did not have gets the usual defaults', () => {
    const bare = JourneySettings.parse({});
    const form = activationForm(bare);
    expect(form.quiet.on).toBe(false);
    const sent = activationRequest(bare, {
      ...form,
      cap: { ...form.cap, on: true },
      goal: { ...form.goal, on: true },
    });
    expect(sent.frequencyCap).toEqual({
      max: 3,
      per: { amount: 24, unit: 'hours' },
      channel: 'all',
      whenCapped: 'wait',
    });
    expect(sent.goal).toEqual({
      event: 'order_placed',
      filters: [],
      window: { amount: 7, unit: 'days' },
      exitOnGoal: true,
    });
  });
});
