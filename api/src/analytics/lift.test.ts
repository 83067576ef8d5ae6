import { describe, expect, test } from 'vitest';
import {
  computeLift,
  neededPerGroup,
  newcombeInterval,
  relativeLiftInterval,
  waldInterval,
  wilsonInterval,
} from './lift';

const close = (
  actual: { low: number; high: number } | undefined,
  low: number,
  high: number,
  digits = 4,
) => {
  expect(actual?.low).toBeCloseTo(low, digits);
  expect(actual?.high).toBeCloseTo(high, digits);
};

describe('lift statistics', () => {
  test('30/100 against 20/100: difference 0.10, Newcombe 95% CI −0.0202 to 0.2167', () => {
    // By hand, z = 1.96, z² = 3.8415, z²/n = 0.038415:
    //   Wilson 30/100: centre (0.30 + 0.019207) / 1.038415 = 0.307398,
    //     half 1.96·√(0.0021 + 0.000096) / 1.038415 = 0.088450 → [0.218949, 0.395848]
    //   Wilson 20/100: centre 0.211097, half 1.96·√(0.0016 + 0.000096) / 1.038415 = 0.077731
    //     → [0.133367, 0.288829]
    //   low  = 0.10 − √((0.30 − 0.218949)² + (0.288829 − 0.20)²) = 0.10 − √0.014460 = −0.020249
    //   high = 0.10 + √((0.395848 − 0.30)² + (0.20 − 0.133367)²) = 0.10 + √0.013627 = 0.216734
    // Wald for comparison: 0.10 ± 1.96·√(0.0021 + 0.0016) = 0.10 ± 0.119220.
    close(wilsonInterval(30, 100), 0.218949, 0.395848);
    close(wilsonInterval(20, 100), 0.133367, 0.288829);
    close(newcombeInterval(30, 100, 20, 100), -0.020249, 0.216734);
    close(waldInterval(30, 100, 20, 100), -0.01922, 0.21922);
    const lift = computeLift({ entered: 100, converted: 30 }, { entered: 100, converted: 20 });
    expect(lift.absolute?.value).toBeCloseTo(0.1, 10);
    close(lift.absolute?.ci95, -0.020249, 0.216734);
    expect(lift.significant).toBe(false);
    expect(lift.conclusive).toBe(false);
    expect(lift.note?.code).toBe('not_significant');
    // Relative: RR = 1.5; Katz SE = √(1/30 − 1/100 + 1/20 − 1/100) = 0.253859;
    // 1.5·e^(±1.96·0.253859) − 1 → [−0.0840, 1.4564].
    expect(lift.relative?.value).toBeCloseTo(0.5, 10);
    close(lift.relative?.ci95, -0.084039, 1.456437);
  });

  test("matches Newcombe's published table (1998, table II, method 10)", () => {
    close(newcombeInterval(56, 70, 48, 80), 0.0524, 0.3339);
    close(newcombeInterval(9, 10, 3, 10), 0.1705, 0.809);
    close(newcombeInterval(5, 56, 0, 29), -0.0381, 0.1926);
    close(newcombeInterval(0, 10, 0, 20), -0.1611, 0.2775);
  });

  test('a clear win with large groups is significant and conclusive, with no note', () => {
    const lift = computeLift({ entered: 1000, converted: 150 }, { entered: 1000, converted: 100 });
    expect(lift.significant).toBe(true);
    expect(lift.conclusive).toBe(true);
    expect(lift.note).toBeNull();
    expect(lift.absolute?.ci95.low).toBeGreaterThan(0);
  });

  test('small groups: the interval is given but no conclusion, with a note in both languages', () => {
    const lift = computeLift({ entered: 29, converted: 20 }, { entered: 29, converted: 2 });
    expect(lift.significant).toBe(true);
    expect(lift.conclusive).toBe(false);
    expect(lift.note).toMatchObject({ code: 'too_small', es: expect.stringContaining('30') });
  });

  test('no holdout, or a group without conversions: no division by zero', () => {
    const none = computeLift({ entered: 50, converted: 5 }, { entered: 0, converted: 0 });
    expect(none.absolute).toBeNull();
    expect(none.holdout.rate).toBeNull();
    expect(none.note?.code).toBe('no_holdout');
    const zero = computeLift({ entered: 40, converted: 4 }, { entered: 40, converted: 0 });
    expect(zero.absolute?.value).toBeCloseTo(0.1, 10);
    expect(zero.relative).toBeNull();
    expect(relativeLiftInterval(4, 40, 2, 40).value).toBeCloseTo(1, 10);
  });
});

test('the sample a pilot needs to show the difference seen so far', () => {
  // 10 % against 5 %: about 435 per group (Fleiss, two-sided 95 %, 80 % power).
  expect(neededPerGroup(0.1, 0.05)).toBeGreaterThan(420);
  expect(neededPerGroup(0.1, 0.05)).toBeLessThan(450);
  expect(neededPerGroup(0.2, 0.2)).toBeNull();
  const early = computeLift({ entered: 20, converted: 4 }, { entered: 20, converted: 2 });
  expect(early.conclusive).toBe(false);
  expect(early.needed_per_group).toBeGreaterThan(20);
  const clear = computeLift({ entered: 400, converted: 120 }, { entered: 400, converted: 40 });
  expect(clear.conclusive).toBe(true);
  expect(clear.needed_per_group).toBeNull();
});
