import { getJourneyTemplate, type WaitForNode, type WaitSignal } from '@ruta/shared';
import { describe, expect, test } from 'vitest';
import { autoSignalPort, buttonChoices, sendsBefore, updateSignal } from './wait-signals';

function cart() {
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('the abandoned cart template is missing');
  return template.definition;
}

describe('wait_for signals', () => {
  test('ports are named after what they wait for, without repeats', () => {
    expect(autoSignalPort({ port: '', kind: 'reply', match: { buttonId: 'buy' } }, [])).toBe(
      'tapped_buy',
    );
    expect(autoSignalPort({ port: '', kind: 'reply', match: { intent: 'opt_out' } }, [])).toBe(
      'opted_out',
    );
    expect(autoSignalPort({ port: '', kind: 'open' }, ['opened'])).toBe('opened_2');
    expect(
      autoSignalPort(
        { port: '', kind: 'event', event: 'order_placed', filters: [], scope: 'contact' },
        [],
      ),
    ).toBe('order_placed');
  });

  test('an automatic port follows the signal; a hand-written one stays', () => {
    const auto: WaitSignal = { port: 'replied', kind: 'reply' };
    expect(updateSignal(auto, { ...auto, match: { intent: 'yes' } }, []).port).toBe('replied_yes');
    const named: WaitSignal = { port: 'quiere_comprar', kind: 'reply' };
    expect(updateSignal(named, { ...named, match: { intent: 'yes' } }, []).port).toBe(
      'quiere_comprar',
    );
  });

  test('buttons come from the referenced send, or from the sends before the wait', () => {
    const definition = cart();
    const wait = definition.nodes.wait_cart as WaitForNode;
    expect(buttonChoices('wait_cart', wait, definition).map((b) => b.id)).toEqual(['buy', 'help']);
    const { messageNodeId: _, ...unreferenced } = wait;
    expect(buttonChoices('wait_cart', unreferenced, definition).map((b) => b.id)).toEqual([
      'buy',
      'help',
    ]);
    expect(
      sendsBefore('wait_order', definition)
        .map(([id]) => id)
        .sort(),
    ).toEqual(['send_cart', 'send_reminder']);
  });
});
