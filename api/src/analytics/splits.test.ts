import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { expect, test } from 'vitest';
import { splitResults } from './splits';

const base = getJourneyTemplate('abandoned_cart')!.definition;
const withSplit: JourneyDefinition = {
  ...base,
  nodes: {
    ...base.nodes,
    greet: {
      type: 'split',
      variants: [
        { port: 'a', label: 'Con descuento', percent: 50 },
        { port: 'b', label: 'Sin descuento', percent: 50 },
      ],
    },
  },
};

test('a winner only when the interval against the next best excludes zero', () => {
  const clear = splitResults(withSplit, [
    { node_id: 'greet', port: 'a', entered: 400, converted: 120 },
    { node_id: 'greet', port: 'b', entered: 400, converted: 60 },
  ]).greet!;
  expect(clear.winner).toBe('a');
  expect(clear.variants.map((v) => [v.label, v.rate])).toEqual([
    ['Con descuento', 0.3],
    ['Sin descuento', 0.15],
  ]);
  expect(clear.difference?.ci95.low).toBeGreaterThan(0);

  const close = splitResults(withSplit, [
    { node_id: 'greet', port: 'a', entered: 40, converted: 6 },
    { node_id: 'greet', port: 'b', entered: 40, converted: 5 },
  ]).greet!;
  expect(close.winner).toBeNull();
  expect(close.difference?.ci95.low).toBeLessThan(0);

  const empty = splitResults(withSplit, []).greet!;
  expect(empty).toMatchObject({ winner: null, difference: null });
  expect(empty.variants.every((v) => v.entered === 0 && v.rate === null)).toBe(true);
});
