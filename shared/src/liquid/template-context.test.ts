import { expect, test } from 'vitest';
import { buildTemplateContext } from './template-context';

test('buildTemplateContext exposes snake_case contact fields, attributes, event and journey', () => {
  const context = buildTemplateContext({
    contact: {
      id: 'c_1',
      externalId: 'shop-77',
      firstName: 'Ana',
      lastName: 'Souza',
      phone: '+5511999990000',
      email: 'ana@example.com',
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
      attributes: { plan: 'pro', phone: 'not this one' },
    },
    event: { name: 'cart_abandoned', properties: { cart_id: 'k9', name: 'overridden' } },
    journey: { name: 'Carrinho' },
  });
  expect(context).toEqual({
    contact: {
      plan: 'pro',
      id: 'c_1',
      external_id: 'shop-77',
      first_name: 'Ana',
      last_name: 'Souza',
      name: 'Ana Souza',
      phone: '+5511999990000',
      email: 'ana@example.com',
      locale: 'pt-BR',
      time_zone: 'America/Sao_Paulo',
    },
    event: { cart_id: 'k9', name: 'cart_abandoned' },
    journey: { name: 'Carrinho' },
  });
});

test('without a trigger event there is no event in the context', () => {
  const context = buildTemplateContext({ contact: { id: 'c_1' }, journey: { name: 'Manual' } });
  expect(context.event).toBeUndefined();
  expect(context.contact.name).toBeNull();
});
