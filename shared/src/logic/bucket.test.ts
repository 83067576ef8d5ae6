import { describe, expect, test } from 'vitest';
import { assignPilotGroup, bucketOf, fnv1a } from './bucket';

describe('bucketOf', () => {
  test('is FNV-1a (published test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  test('hashes UTF-8 bytes, so accents and emoji are stable across runtimes', () => {
    // 'é' is C3 A9 in UTF-8: same as hashing those two bytes.
    expect(fnv1a('é')).toBe(
      Math.imul(Math.imul(0x811c9dc5 ^ 0xc3, 0x01000193) ^ 0xa9, 0x01000193) >>> 0,
    );
    expect(fnv1a('👍')).not.toBe(fnv1a('👎'));
  });

  test('is deterministic and within 0..99', () => {
    for (let i = 0; i < 1000; i++) {
      const key = `journey_1:contact_${i}`;
      const bucket = bucketOf(key);
      expect(bucket).toBe(bucketOf(key));
      expect(Number.isInteger(bucket) && bucket >= 0 && bucket < 100).toBe(true);
    }
    expect(bucketOf('journey_1:contact_42')).toBe(bucketOf('journey_1:contact_42'));
  });

  test.each<[string, (i: number) => string]>([
    ['jrn_abandoned_cart:ct_<n>', (i) => `jrn_abandoned_cart:ct_${i}`],
    ['jrn_1:ct_<n>:enrollment', (i) => `jrn_1:ct_${i}:enrollment`],
    ['wf-<n>:split_a', (i) => `wf-${i}:split_a`],
  ])('spreads 10,000 keys like %s roughly evenly over the 100 buckets', (_shape, keyOf) => {
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const bucket = bucketOf(keyOf(i));
      counts[bucket] = (counts[bucket] ?? 0) + 1;
    }
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(140);
    // Chi-square with 99 degrees of freedom: 150 is far beyond the 99.9th percentile (~148).
    const chiSquare = counts.reduce((sum, c) => sum + (c - 100) ** 2 / 100, 0);
    expect(chiSquare).toBeLessThan(150);
  });
});

describe('assignPilotGroup', () => {
  const contacts = Array.from({ length: 10_000 }, (_, i) => `ct_${i}`);
  const share = (pilot: { enrollmentPercent: number; holdoutPercent: number }) => {
    const groups = { excluded: 0, holdout: 0, treatment: 0 };
    for (const id of contacts) groups[assignPilotGroup(id, 'jrn_1', pilot)]++;
    return groups;
  };

  test('without a pilot everyone is treated', () => {
    expect(assignPilotGroup('ct_1', 'jrn_1')).toBe('treatment');
    expect(assignPilotGroup('ct_1', 'jrn_1', null)).toBe('treatment');
  });

  test('0% enrollment excludes everyone; 100% enrollment and 0% holdout treats everyone', () => {
    expect(share({ enrollmentPercent: 0, holdoutPercent: 0 }).excluded).toBe(10_000);
    expect(share({ enrollmentPercent: 100, holdoutPercent: 0 }).treatment).toBe(10_000);
  });

  test('20% enrollment with a 10% holdout gives about 2,000 enrolled, 200 of them held out', () => {
    const groups = share({ enrollmentPercent: 20, holdoutPercent: 10 });
    expect(groups.excluded).toBeGreaterThan(7_700);
    expect(groups.excluded).toBeLessThan(8_300);
    expect(groups.holdout).toBeGreaterThan(120);
    expect(groups.holdout).toBeLessThan(280);
  });

  test('raising enrollment keeps everyone already enrolled in the same group', () => {
    for (const id of contacts.slice(0, 2_000)) {
      const before = assignPilotGroup(id, 'jrn_1', { enrollmentPercent: 20, holdoutPercent: 10 });
      const after = assignPilotGroup(id, 'jrn_1', { enrollmentPercent: 60, holdoutPercent: 10 });
      if (before !== 'excluded') expect(after).toBe(before);
    }
  });

  test('the same contact can land differently in another journey', () => {
    const pilot = { enrollmentPercent: 50, holdoutPercent: 0 };
    const differ = contacts
      .slice(0, 200)
      .filter(
        (id) => assignPilotGroup(id, 'jrn_1', pilot) !== assignPilotGroup(id, 'jrn_2', pilot),
      );
    expect(differ.length).toBeGreaterThan(50);
  });
});
