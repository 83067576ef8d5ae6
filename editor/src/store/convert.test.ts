import { getJourneyTemplate, journeyTemplates, validateJourney } from '@ruta/shared';
import { describe, expect, test } from 'vitest';
import { fromFlow, toFlow } from './convert';

describe('toFlow / fromFlow', () => {
  test.each(journeyTemplates.map((t) => [t.id]))('%s survives the round trip unchanged', (id) => {
    const template = getJourneyTemplate(id)!;
    const flow = toFlow(template.definition, template.layout);
    const back = fromFlow(flow.nodes, flow.edges, template.definition);
    if ('error' in back) throw new Error(back.error);
    expect(back.definition).toEqual(template.definition);
    expect(back.layout).toEqual(template.layout);
  });

  test('every output port of every node becomes a handle; edges keep their ports', () => {
    const template = getJourneyTemplate('abandoned_cart')!;
    const flow = toFlow(template.definition, template.layout);
    const waitCart = flow.nodes.find((n) => n.id === 'wait_cart')!;
    expect(waitCart.data.ports).toEqual([
      'tapped_buy',
      'tapped_help',
      'replied',
      'ordered',
      'timeout',
    ]);
    const edge = flow.edges.find((e) => e.source === 'wait_cart' && e.target === 'send_reminder')!;
    expect(edge.sourceHandle).toBe('timeout');
    expect(flow.nodes[0]).toMatchObject({ id: 'trigger', type: 'trigger', deletable: false });
  });

  test('problems are attached to the node they concern', () => {
    const template = getJourneyTemplate('abandoned_cart')!;
    const broken = structuredClone(template.definition);
    broken.edges = broken.edges.filter((e) => e.id !== 'wait_cart.timeout');
    const problems = validateJourney(broken);
    const flow = toFlow(broken, template.layout, problems);
    expect(
      flow.nodes.find((n) => n.id === 'wait_cart')!.data.problems.map((p) => p.code),
    ).toContain('unconnected_port');
  });

  test('a flow without a trigger, or with an edge without a port, is refused with a reason', () => {
    const template = getJourneyTemplate('abandoned_cart')!;
    const flow = toFlow(template.definition, template.layout);
    expect(fromFlow(flow.nodes.slice(1), flow.edges, template.definition)).toEqual({
      error: 'the canvas has no trigger',
    });
    const edges = flow.edges.map((e, i) =>
      i === 0 ? { ...e, sourceHandle: null, data: undefined } : e,
    );
    expect(fromFlow(flow.nodes, edges, template.definition)).toMatchObject({
      error: expect.stringContaining('no output port'),
    });
  });
});
