import { getJourneyTemplate, journeyTemplates } from '@ruta/shared';
import { describe, expect, test } from 'vitest';
import { cardBoxes, layoutJourney, type Point } from './elk-layout';

type Box = { x: number; y: number; width: number; height: number };

/** Whether an axis-aligned segment runs through a box's inside (touching its edge is fine). */
function crosses(a: Point, b: Point, box: Box): boolean {
  const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return (
    right > box.x + 1 &&
    left < box.x + box.width - 1 &&
    bottom > box.y + 1 &&
    top < box.y + box.height - 1
  );
}

describe.each(journeyTemplates.map((t) => t.id))('the %s template', (id) => {
  const { definition, layout: stored } = getJourneyTemplate(id)!;

  test('auto-layout places every step top to bottom, with no card over another', async () => {
    const { layout } = await layoutJourney(definition);
    const boxes = cardBoxes(definition);
    const ids = Object.keys(boxes);
    expect(Object.keys(layout).sort()).toEqual([...ids].sort());
    for (const edge of definition.edges) {
      const loopsBack = definition.nodes[edge.target]?.maxVisits !== undefined;
      if (!loopsBack)
        expect(layout[edge.target]!.y, edge.id).toBeGreaterThan(layout[edge.source]!.y);
    }
    for (const a of ids)
      for (const b of ids) {
        if (a >= b) continue;
        const box = { ...layout[b]!, ...boxes[b]! };
        expect(
          crosses(
            layout[a]!,
            { x: layout[a]!.x + boxes[a]!.width, y: layout[a]!.y + boxes[a]!.height },
            box,
          ),
          `${a} over ${b}`,
        ).toBe(false);
      }
  });

  test('no connection runs under a card', async () => {
    const { layout, routes } = await layoutJourney(definition);
    const boxes = cardBoxes(definition);
    expect(Object.keys(routes).sort()).toEqual(definition.edges.map((e) => e.id).sort());
    for (const edge of definition.edges) {
      const points = routes[edge.id]!.points;
      for (const [id, size] of Object.entries(boxes)) {
        if (id === edge.source || id === edge.target) continue;
        const box = { ...layout[id]!, ...size };
        for (let i = 1; i < points.length; i++)
          expect(crosses(points[i - 1]!, points[i]!, box), `${edge.id} under ${id}`).toBe(false);
      }
    }
  });

  test('opens laid out: its stored positions are the auto-layout’s', async () => {
    const { layout } = await layoutJourney(definition);
    expect(stored).toEqual(layout);
  });
});
