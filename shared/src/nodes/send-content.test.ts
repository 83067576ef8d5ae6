import { describe, expect, test } from 'vitest';
import { getJourneyTemplate } from '../templates/index';
import { validateJourney } from '../validation/index';

/** The cart template with its first WhatsApp message changed. */
function cartWith(whatsapp: Record<string, unknown>) {
  const definition = structuredClone(getJourneyTemplate('abandoned_cart')!.definition) as any;
  Object.assign(definition.nodes.send_cart.content.whatsapp, whatsapp);
  return definition;
}

describe('WhatsApp limits, as Meta documents them', () => {
  test('a reply button’s title has at most 20 characters', () => {
    const twentyOne = 'Quiero comprar ahora!';
    expect(twentyOne).toHaveLength(21);
    const problems = validateJourney(
      cartWith({
        buttons: [
          { id: 'buy', text: twentyOne },
          { id: 'help', text: 'Tengo dudas' },
        ],
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        nodeId: 'send_cart',
        path: ['nodes', 'send_cart', 'content', 'whatsapp', 'buttons', 0, 'text'],
      }),
    );
    expect(
      validateJourney(
        cartWith({
          buttons: [
            { id: 'buy', text: twentyOne.slice(0, 20) },
            { id: 'help', text: 'Tengo dudas' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  test('with buttons the text has at most 1,024 characters; without, 4,096', () => {
    const long = 'a'.repeat(1025);
    const [problem] = validateJourney(cartWith({ text: long })).filter(
      (p) => p.code === 'whatsapp_body_too_long',
    );
    expect(problem).toMatchObject({
      nodeId: 'send_cart',
      path: ['nodes', 'send_cart', 'content', 'whatsapp', 'text'],
    });
    expect(problem?.message.es).toContain('1024');
    expect(validateJourney(cartWith({ text: long, buttons: [] })).map((p) => p.code)).not.toContain(
      'whatsapp_body_too_long',
    );
  });
});
