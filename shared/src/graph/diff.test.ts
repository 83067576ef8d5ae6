import { describe, expect, test } from 'vitest';
import { getJourneyTemplate } from '../templates/index';
import { diffJourneys } from './diff';

const cart = () => structuredClone(getJourneyTemplate('abandoned_cart')!.definition);

describe('the difference between two versions', () => {
  test('the same journey: nothing', () => {
    expect(diffJourneys(cart(), cart())).toEqual({ added: [], removed: [], changed: [] });
  });

  test('a step added, one removed, one edited and one rewired, each named once', () => {
    const before = cart();
    const after = cart();
    after.nodes.extra = { type: 'exit', outcome: 'completed' } as never;
    delete after.nodes.handoff_help;
    after.edges = after.edges.filter(
      (e) => e.target !== 'handoff_help' && e.source !== 'handoff_help',
    );
    (after.nodes.send_reminder as { name?: string }).name = 'Otro recordatorio';
    const timeout = after.edges.find(
      (e) => e.source === 'wait_order' && e.sourcePort === 'timeout',
    );
    if (timeout) timeout.target = 'exit_converted';
    const diff = diffJourneys(before, after);
    expect(diff.added).toEqual(['extra']);
    expect(diff.removed).toEqual(['handoff_help']);
    expect(diff.changed).toEqual(expect.arrayContaining(['send_reminder', 'wait_order']));
    expect(diff.changed).not.toContain('send_cart');
  });

  test('a different trigger is a change of the trigger', () => {
    const after = cart();
    after.trigger = { ...after.trigger, event: 'checkout_started' } as never;
    expect(diffJourneys(cart(), after).changed).toEqual(['trigger']);
  });
});
