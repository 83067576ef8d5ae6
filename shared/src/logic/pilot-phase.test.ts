import { expect, test } from 'vitest';
import { pilotClosed, pilotPhase } from './pilot-phase';

test('the end date counts whole: closed from the next day on', () => {
  expect(pilotClosed('2026-12-31', new Date('2026-12-31T23:59:59Z'))).toBe(false);
  expect(pilotClosed('2026-12-31', new Date('2027-01-01T00:00:00Z'))).toBe(true);
  expect(pilotClosed(undefined)).toBe(false);
});

test('running, then finishing while runs are in flight, then ended', () => {
  const after = new Date('2027-01-02T10:00:00Z');
  expect(pilotPhase({ status: 'active', endsAt: '2027-01-05', inFlight: 3, now: after })).toBe(
    'running',
  );
  expect(pilotPhase({ status: 'active', endsAt: '2027-01-01', inFlight: 3, now: after })).toBe(
    'finishing',
  );
  expect(pilotPhase({ status: 'active', endsAt: '2027-01-01', inFlight: 0, now: after })).toBe(
    'ended',
  );
  expect(
    pilotPhase({ status: 'paused', endsAt: '2027-01-01', inFlight: 0, now: after }),
  ).toBeNull();
  expect(pilotPhase({ status: 'active', endsAt: null, inFlight: 0, now: after })).toBeNull();
  // Completed by the engine's pilot watch: ended, whatever the clock says.
  expect(pilotPhase({ status: 'completed', endsAt: '2027-01-05', inFlight: 0, now: after })).toBe(
    'ended',
  );
});
