import { expect, test } from 'vitest';
import { routedPath } from './edge-path';

test('a route down, across and down is fitted onto the handles, corners rounded', () => {
  const route = [
    { x: 100, y: 150 },
    { x: 100, y: 180 },
    { x: 400, y: 180 },
    { x: 400, y: 220 },
  ];
  const drawn = routedPath(route, { x: 104, y: 160 }, { x: 398, y: 221 });
  expect(drawn).toBeDefined();
  const [path, labelX, labelY] = drawn!;
  expect(path.startsWith('M 104 160 L 104 170 Q 104 180 114 180')).toBe(true);
  expect(path.endsWith('L 398 221')).toBe(true);
  expect(labelY).toBe(180);
  expect(labelX).toBeGreaterThan(104);
  expect(labelX).toBeLessThan(398);
});

test('a straight route stays straight; one that no longer fits the cards is refused', () => {
  expect(
    routedPath(
      [
        { x: 10, y: 100 },
        { x: 10, y: 160 },
      ],
      { x: 10, y: 110 },
      { x: 10, y: 160 },
    )?.[0],
  ).toBe('M 10 110 L 10 160');
  // The source card grew below the first bend: the route would climb back up.
  const route = [
    { x: 0, y: 100 },
    { x: 0, y: 120 },
    { x: 200, y: 120 },
    { x: 200, y: 160 },
  ];
  expect(routedPath(route, { x: 0, y: 130 }, { x: 200, y: 160 })).toBeUndefined();
  // Ends moved sideways with no bend to absorb it.
  expect(
    routedPath(
      [
        { x: 0, y: 0 },
        { x: 0, y: 50 },
      ],
      { x: 0, y: 0 },
      { x: 30, y: 50 },
    ),
  ).toBeUndefined();
});
