import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { describe, expect, test } from 'vitest';
import { journeyAttributes, journeyEvents, journeyVariables } from './journey-variables';

function definition(id: string): JourneyDefinition {
  const template = getJourneyTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return template.definition;
}

describe('journeyVariables', () => {
  test('an event journey offers the contact fields and the event properties its templates use', () => {
    const variables = journeyVariables(definition('abandoned_cart'));
    expect(variables.contact.slice(0, 3)).toEqual(['id', 'external_id', 'first_name']);
    expect(variables.event).toEqual(['name', 'cart_url', 'cart_total', 'item_count', 'cart_id']);
    expect(variables.journey).toEqual(['name']);
  });

  test('a scheduled journey has no event.* and lists the attributes its conditions read', () => {
    const reactivation = definition('reactivation');
    expect(journeyVariables(reactivation).event).toEqual([]);
    expect(journeyAttributes(reactivation)).toEqual(['last_order_at']);
  });

  test('attributes a journey writes or saves a reply into are offered too', () => {
    const base = definition('abandoned_cart');
    const journey: JourneyDefinition = {
      ...base,
      nodes: {
        ...base.nodes,
        survey: {
          type: 'wait_for',
          signals: [{ port: 'answered', kind: 'reply', saveAs: 'nps_score' }],
          timeout: { amount: 1, unit: 'days' },
        },
        tag: {
          type: 'update_contact',
          set: { vip: true },
          unset: [],
          addTags: [],
          removeTags: [],
          consent: [],
        },
      },
    };
    expect(journeyAttributes(journey)).toEqual(['nps_score', 'vip']);
  });

  test('event names come from the trigger, the goal and the waits', () => {
    expect(journeyEvents(definition('abandoned_cart')).slice(0, 2)).toEqual([
      'cart_abandoned',
      'order_placed',
    ]);
  });
});
