import { getJourneyTemplate } from '@ruta/shared';
import { describe, expect, test } from 'vitest';
import type { RunStep } from '../api/models';
import i18n from '../i18n/index';
import { type StepWords, stepText } from './step-text';

const journey = getJourneyTemplate('abandoned_cart')!.definition;

function say(
  lang: 'es' | 'pt' | 'en',
  kind: string,
  nodeId: string,
  detail: object,
  port?: string,
) {
  const words: StepWords = {
    t: i18n.getFixedT(lang),
    lang,
    journey,
    nodeName: (id) => journey.nodes[id]?.name ?? id,
  };
  return stepText(words, { seq: 1, at: '', kind, node_id: nodeId, port, detail } as RunStep);
}

describe('a run’s timeline says events and buttons in words', () => {
  test.each([
    [
      'entered',
      'trigger',
      { event: 'cart_abandoned' },
      undefined,
      'Entró al flujo (carrito abandonado)',
    ],
    ['goal', 'wait_cart', { event: 'order_placed' }, undefined, 'Alcanzó el objetivo (compra)'],
    ['signal', 'wait_cart', { kind: 'reply', buttonId: 'buy' }, undefined, '«Comprar»'],
    ['took', 'wait_cart', { kind: 'event', event: 'order_placed' }, 'ordered', 'compró'],
  ])('%s', (kind, nodeId, detail, port, expected) => {
    const text = say('es', kind, nodeId, detail, port);
    expect(text).toContain(expected);
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  });

  test('in Portuguese too', () => {
    expect(say('pt', 'entered', 'trigger', { event: 'cart_abandoned' })).toContain(
      'carrinho abandonado',
    );
  });
});
