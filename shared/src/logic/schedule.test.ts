import { describe, expect, test } from 'vitest';
import { localParts } from './local-time';
import { nextTimeOfDay, quietHoursEnd } from './schedule';

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('localParts', () => {
  test.each([
    ['2025-03-09T07:00:00Z', 'America/New_York', [2025, 3, 9, 3, 0, 0]], // first minute of EDT
    ['2025-03-09T06:59:00Z', 'America/New_York', [2025, 3, 9, 1, 59, 0]], // last minute of EST
    ['2025-06-14T03:00:00Z', 'America/Mexico_City', [2025, 6, 13, 21, 0, 5]], // still Friday there
    ['2025-01-01T00:00:00Z', 'Asia/Kathmandu', [2025, 1, 1, 5, 45, 3]],
    ['2024-12-31T23:30:00Z', 'America/Sao_Paulo', [2024, 12, 31, 20, 30, 2]],
  ])('%s in %s', (instant, zone, [year, month, day, hour, minute, weekday]) => {
    expect(localParts(at(instant), zone)).toEqual({
      year,
      month,
      day,
      hour,
      minute,
      second: 0,
      weekday,
    });
  });

  test('an unknown zone is an error, not a silent UTC', () => {
    expect(() => localParts(at('2025-01-01T00:00:00Z'), 'America/Atlantis')).toThrow(RangeError);
  });
});

describe('nextTimeOfDay', () => {
  test.each<[string, string, string, number[] | undefined, string]>([
    // Mexico City is UTC-6 all year.
    ['later today', '2025-06-10T15:00:00Z', '10:00', undefined, '2025-06-10T16:00:00.000Z'],
    [
      'already passed: tomorrow',
      '2025-06-10T15:00:00Z',
      '08:00',
      undefined,
      '2025-06-11T14:00:00.000Z',
    ],
    ['exactly now: now', '2025-06-10T15:00:00Z', '09:00', undefined, '2025-06-10T15:00:00.000Z'],
    [
      'one second late: tomorrow',
      '2025-06-10T15:00:01Z',
      '09:00',
      undefined,
      '2025-06-11T15:00:00.000Z',
    ],
    ['next Monday', '2025-06-10T15:00:00Z', '09:00', [1], '2025-06-16T15:00:00.000Z'],
    [
      'empty weekday list: any day',
      '2025-06-10T15:00:00Z',
      '10:00',
      [],
      '2025-06-10T16:00:00.000Z',
    ],
    // 03:00 UTC on Saturday is still Friday 21:00 in Mexico City.
    ['Saturday in local time', '2025-06-14T03:00:00Z', '09:00', [6], '2025-06-14T15:00:00.000Z'],
    [
      'same weekday, time passed: next week',
      '2025-06-14T03:00:00Z',
      '09:00',
      [5],
      '2025-06-20T15:00:00.000Z',
    ],
  ])('%s (Mexico City)', (_label, now, time, weekdays, expected) => {
    expect(iso(nextTimeOfDay(at(now), 'America/Mexico_City', time, weekdays))).toBe(expected);
  });

  test.each([
    [
      '09:00 the day after clocks spring forward',
      '2025-03-08T15:00:00Z',
      '09:00',
      '2025-03-09T13:00:00.000Z',
    ],
    [
      '02:30 does not exist that night: the jump to 03:00',
      '2025-03-09T05:00:00Z',
      '02:30',
      '2025-03-09T07:00:00.000Z',
    ],
    [
      '01:30 happens twice when clocks fall back: the first',
      '2025-11-02T04:00:00Z',
      '01:30',
      '2025-11-02T05:30:00.000Z',
    ],
    [
      'inside the repeated hour: the second 01:30',
      '2025-11-02T06:10:00Z',
      '01:30',
      '2025-11-02T06:30:00.000Z',
    ],
    ['09:00 after clocks fall back', '2025-11-01T14:00:00Z', '09:00', '2025-11-02T14:00:00.000Z'],
  ])('%s (New York)', (_label, now, time, expected) => {
    expect(iso(nextTimeOfDay(at(now), 'America/New_York', time))).toBe(expected);
  });

  test('half-hour zones', () => {
    expect(iso(nextTimeOfDay(at('2025-06-10T00:00:00Z'), 'Asia/Kolkata', '09:00'))).toBe(
      '2025-06-10T03:30:00.000Z',
    );
  });

  test('rejects a malformed time', () => {
    expect(() => nextTimeOfDay(at('2025-06-10T00:00:00Z'), 'UTC', '25:00')).toThrow(RangeError);
  });
});

describe('quietHoursEnd', () => {
  const night = { start: '21:00', end: '08:00' };
  test.each<[string, string, { start: string; end: string }, string | null]>([
    [
      'after start, before midnight: tomorrow 08:00',
      '2025-06-11T04:00:00Z',
      night,
      '2025-06-11T14:00:00.000Z',
    ],
    ['after midnight: today 08:00', '2025-06-11T09:00:00Z', night, '2025-06-11T14:00:00.000Z'],
    ['exactly at start: quiet', '2025-06-11T03:00:00Z', night, '2025-06-11T14:00:00.000Z'],
    ['07:59: one minute left', '2025-06-11T13:59:00Z', night, '2025-06-11T14:00:00.000Z'],
    ['exactly at end: allowed', '2025-06-11T14:00:00Z', night, null],
    ['midday: allowed', '2025-06-11T18:00:00Z', night, null],
    ['20:59: allowed', '2025-06-11T02:59:00Z', night, null],
    [
      'inside a daytime window',
      '2025-06-11T19:30:00Z',
      { start: '13:00', end: '15:00' },
      '2025-06-11T21:00:00.000Z',
    ],
    ['outside a daytime window', '2025-06-11T22:00:00Z', { start: '13:00', end: '15:00' }, null],
    [
      'start equals end: never quiet',
      '2025-06-11T04:00:00Z',
      { start: '21:00', end: '21:00' },
      null,
    ],
  ])('%s (Mexico City)', (_label, now, hours, expected) => {
    expect(iso(quietHoursEnd(at(now), 'America/Mexico_City', hours))).toBe(expected);
  });

  const santiagoNight = { start: '22:00', end: '07:00' };

  test('Santiago springs forward at midnight: the window opens at 07:00 new time (UTC-3)', () => {
    // Saturday 2025-09-06 23:00 at UTC-4; that night 00:00 becomes 01:00 (UTC-3).
    expect(iso(quietHoursEnd(at('2025-09-07T03:00:00Z'), 'America/Santiago', santiagoNight))).toBe(
      '2025-09-07T10:00:00.000Z',
    );
    // The week before, same wall clock, still UTC-4.
    expect(iso(quietHoursEnd(at('2025-08-31T03:00:00Z'), 'America/Santiago', santiagoNight))).toBe(
      '2025-08-31T11:00:00.000Z',
    );
  });

  test('a window ending at a time the DST night skips opens at the jump', () => {
    const hours = { start: '22:00', end: '00:30' };
    expect(iso(quietHoursEnd(at('2025-09-07T03:00:00Z'), 'America/Santiago', hours))).toBe(
      '2025-09-07T04:00:00.000Z',
    );
  });

  test('Santiago falls back at midnight: 07:00 is UTC-4 again', () => {
    // Saturday 2025-04-05 23:30 at UTC-3; at 00:00 clocks go back to 23:00 (UTC-4).
    expect(iso(quietHoursEnd(at('2025-04-06T02:30:00Z'), 'America/Santiago', santiagoNight))).toBe(
      '2025-04-06T11:00:00.000Z',
    );
  });

  test('New York, quiet until 01:30 on the night it happens twice', () => {
    const hours = { start: '21:00', end: '01:30' };
    // 01:10 EDT (first pass): opens at 01:30 EDT.
    expect(iso(quietHoursEnd(at('2025-11-02T05:10:00Z'), 'America/New_York', hours))).toBe(
      '2025-11-02T05:30:00.000Z',
    );
    // 01:10 EST (second pass): the clock reads before 01:30 again, so it is quiet for 20 minutes.
    expect(iso(quietHoursEnd(at('2025-11-02T06:10:00Z'), 'America/New_York', hours))).toBe(
      '2025-11-02T06:30:00.000Z',
    );
  });
});
