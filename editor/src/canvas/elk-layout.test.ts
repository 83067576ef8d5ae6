import { getJourneyTemplate } from '@ruta/shared';
import { expect, test } from 'vitest';
import { layoutJourney, NODE_HEIGHT, NODE_WIDTH } from './elk-layout';

test('auto-layout places every step, top to bottom, without overlaps', async () => {
  const { definition } = getJourneyTemplate('abandoned_cart')!;
  const layout = await layoutJourney(definition);
  const ids = ['trigger', ...Object.keys(definition.nodes)];
  expect(Object.keys(layout).sort()).toEqual(ids.sort());
  for (const edge of definition.edges)
    expect(layout[edge.target]!.y, edge.id).toBeGreaterThan(layout[edge.source]!.y);
  for (const a of ids) {
    for (const b of ids) {
      if (a >= b) continue;
      const pa = layout[a]!;
      const pb = layout[b]!;
      const overlap = Math.abs(pa.x - pb.x) < NODE_WIDTH && Math.abs(pa.y - pb.y) < NODE_HEIGHT;
      expect(overlap, `${a} overlaps ${b}`).toBe(false);
    }
  }
});
