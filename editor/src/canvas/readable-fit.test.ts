import { expect, test } from 'vitest';
import { READABLE_ZOOM, readableViewport } from './readable-fit';

const screen = { width: 900, height: 700 };

test('a small journey is centred, never above 100 %', () => {
  const view = readableViewport({ x: 0, y: 0, width: 300, height: 200 }, screen, undefined);
  expect(view.zoom).toBe(1);
  expect(view.x).toBe(300);
  expect(view.y).toBe(250);
});

test('a journey that fits zoomed out a little is shown whole', () => {
  const view = readableViewport({ x: 0, y: 0, width: 900, height: 600 }, screen, undefined);
  expect(view.zoom).toBeCloseTo(836 / 900);
  expect(view.zoom).toBeGreaterThan(READABLE_ZOOM);
});

test('a long journey opens readable: its top at the top, the entry card in the middle', () => {
  const entry = { x: 640, y: 0, width: 240, height: 150 };
  const view = readableViewport({ x: 0, y: 0, width: 1600, height: 1200 }, screen, entry);
  expect(view.zoom).toBe(READABLE_ZOOM);
  expect(view.y).toBe(32);
  // The entry card's centre lands in the middle of the screen.
  expect((entry.x + entry.width / 2) * view.zoom + view.x).toBeCloseTo(450);
});
