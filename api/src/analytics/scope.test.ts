import { describe, expect, test } from 'vitest';
import { splitByHour } from './scope';

const at = (iso: string) => new Date(iso);

describe('splitting a range between the hourly rollups and the raw tables', () => {
  test('no range: everything from the rollups', () => {
    expect(splitByHour({})).toEqual({ hours: {}, edges: [] });
  });

  test('bounds on the hour: no raw edges', () => {
    const span = { lo: at('2025-01-05T06:00:00Z'), hi: at('2025-01-07T06:00:00Z') };
    expect(splitByHour(span)).toEqual({ hours: span, edges: [] });
  });

  test('bounds inside hours: whole hours between, partial hours raw', () => {
    const span = { lo: at('2025-01-10T10:30:00Z'), hi: at('2025-01-12T07:15:00Z') };
    expect(splitByHour(span)).toEqual({
      hours: { lo: at('2025-01-10T11:00:00Z'), hi: at('2025-01-12T07:00:00Z') },
      edges: [
        { lo: span.lo, hi: at('2025-01-10T11:00:00Z') },
        { lo: at('2025-01-12T07:00:00Z'), hi: span.hi },
      ],
    });
  });

  test('open on one side', () => {
    const lo = at('2025-01-10T10:30:00Z');
    expect(splitByHour({ lo })).toEqual({
      hours: { lo: at('2025-01-10T11:00:00Z') },
      edges: [{ lo, hi: at('2025-01-10T11:00:00Z') }],
    });
  });

  test('within one hour: all raw', () => {
    const span = { lo: at('2025-01-10T10:10:00Z'), hi: at('2025-01-10T10:50:00Z') };
    expect(splitByHour(span)).toEqual({ hours: null, edges: [span] });
  });
});
