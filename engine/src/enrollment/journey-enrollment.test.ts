import { getJourneyTemplate, JourneyDefinition } from '@ruta/shared';
import { describe, expect, test } from 'vitest';
import { compileSnapshot } from './journey-enrollment';

const version = JourneyDefinition.parse(getJourneyTemplate('abandoned_cart')?.definition);

describe('the snapshot a run starts with', () => {
  test('the version’s settings stand where the activation says nothing', () => {
    expect(version.settings.quietHours).toBeDefined();
    expect(version.settings.goal).toBeDefined();
    const snapshot = compileSnapshot(version, {
      pilot: { enrollmentPercent: 50, holdoutPercent: 10 },
    });
    expect(snapshot.settings.quietHours).toEqual(version.settings.quietHours);
    expect(snapshot.settings.goal).toEqual(version.settings.goal);
    expect(snapshot.settings.pilot).toEqual({ enrollmentPercent: 50, holdoutPercent: 10 });
  });

  test('a setting switched off at activation (null) is off for new runs', () => {
    const snapshot = compileSnapshot(version, {
      quietHours: null,
      frequencyCap: null,
      goal: null,
    });
    expect(snapshot.settings).not.toHaveProperty('quietHours');
    expect(snapshot.settings).not.toHaveProperty('frequencyCap');
    expect(snapshot.settings).not.toHaveProperty('goal');
    expect(snapshot.settings.reentry).toEqual(version.settings.reentry);
    expect(JourneyDefinition.safeParse(snapshot).success).toBe(true);
  });

  test('a setting given at activation replaces the version’s whole, with every field it has', () => {
    const goal = {
      event: 'order_placed',
      filters: [{ source: 'event' as const, field: 'total', op: 'gt' as const, value: 500 }],
      window: { amount: 36, unit: 'hours' as const },
      exitOnGoal: false,
    };
    const snapshot = compileSnapshot(version, {
      goal,
      quietHours: { start: '22:00', end: '07:30' },
    });
    expect(snapshot.settings.goal).toEqual(goal);
    expect(snapshot.settings.quietHours).toEqual({ start: '22:00', end: '07:30' });
  });
});
