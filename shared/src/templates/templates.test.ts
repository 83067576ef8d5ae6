import { describe, expect, test } from 'vitest';
import { JourneyDefinition } from '../model/definition';
import { TRIGGER_NODE_ID } from '../model/ids';
import { outputPortsOf } from '../nodes/index';
import { validateJourney } from '../validation/index';
import { getJourneyTemplate, journeyTemplates } from './index';

// Canvas cards are at most this big; the grid leaves room between them.

describe.each(journeyTemplates.map((template) => [template.id, template] as const))(
  '%s',
  (_id, template) => {
    const { definition, layout } = template;

    test('is valid, also against a workspace that declares its attributes', () => {
      expect(validateJourney(definition)).toEqual([]);
      expect(
        validateJourney(definition, {
          knownContactAttributes: ['last_order_at', 'preferred_channel'],
        }),
      ).toEqual([]);
    });

    test('is already in parsed form (defaults written out)', () => {
      expect(JourneyDefinition.parse(definition)).toEqual(definition);
    });

    test('has a name and a description in every language', () => {
      for (const text of [template.name, template.description]) {
        expect(text.es.length).toBeGreaterThan(0);
        expect(text.pt.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
    });

    test('places every node, and only nodes, on the canvas', () => {
      expect(Object.keys(layout).sort()).toEqual(
        [TRIGGER_NODE_ID, ...Object.keys(definition.nodes)].sort(),
      );
    });

    test('ends somewhere on every path: every output is connected or an exit', () => {
      for (const [id, node] of Object.entries(definition.nodes)) {
        for (const port of outputPortsOf(node)) {
          const connected = definition.edges.some(
            (edge) => edge.source === id && edge.sourcePort === port,
          );
          expect(connected || node.exitPorts?.includes(port), `${id}.${port}`).toBe(true);
        }
      }
    });
  },
);

describe('abandoned cart', () => {
  const template = getJourneyTemplate('abandoned_cart');

  test('keys runs by cart and converts on this cart’s order', () => {
    expect(template?.definition.trigger).toMatchObject({
      kind: 'event',
      event: 'cart_abandoned',
      entryKey: 'cart_id',
    });
    expect(template?.definition.settings).toMatchObject({
      reentry: { mode: 'always' },
      goal: { event: 'order_placed', window: { amount: 3, unit: 'days' } },
      quietHours: { start: '21:00', end: '08:00' },
    });
    const wait = template?.definition.nodes.wait_cart;
    expect(wait?.type === 'wait_for' && wait.signals.map((signal) => signal.port)).toEqual([
      'tapped_buy',
      'tapped_help',
      'replied',
      'ordered',
    ]);
    const ordered = template?.definition.edges.find((edge) => edge.id === 'wait_cart.ordered');
    expect(template?.definition.nodes[ordered?.target ?? '']).toEqual(
      expect.objectContaining({ outcome: 'converted' }),
    );
  });
});

describe('getJourneyTemplate', () => {
  test('returns a copy that can be edited without touching the original', () => {
    const copy = getJourneyTemplate('reactivation');
    expect(copy?.definition).toEqual(journeyTemplates[1]?.definition);
    if (copy) copy.definition.nodes = {};
    expect(Object.keys(getJourneyTemplate('reactivation')?.definition.nodes ?? {})).not.toEqual([]);
  });

  test('is undefined for an unknown id', () => {
    expect(getJourneyTemplate('nope')).toBeUndefined();
    expect(getJourneyTemplate('toString')).toBeUndefined();
  });
});

/** The definition with every text blanked: what must not change between languages. */
const shape = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_key, item) => (typeof item === 'string' ? '' : item));

/** The marketer-facing words of a definition: step names, messages, buttons, labels, notes. */
function words(definition: JourneyDefinition): string[] {
  return Object.values(definition.nodes).flatMap((node) => {
    const out = [node.name ?? ''];
    if (node.type === 'send') {
      const { whatsapp, sms, email } = node.content;
      out.push(whatsapp?.text ?? '', sms?.text ?? '', email?.subject ?? '', email?.html ?? '');
      out.push(...(whatsapp?.buttons ?? []).map((button) => button.text));
    }
    if (node.type === 'branch') out.push(...node.cases.map((branchCase) => branchCase.label ?? ''));
    if (node.type === 'handoff') out.push(node.note ?? '');
    return out.filter((text) => text !== '');
  });
}

describe.each(journeyTemplates.map((template) => [template.id] as const))(
  '%s in Portuguese',
  (id) => {
    const spanish = getJourneyTemplate(id, 'es');
    const portuguese = getJourneyTemplate(id, 'pt');
    if (!spanish || !portuguese) throw new Error(`no template ${id}`);

    test('is valid and has the Spanish structure: same steps, outputs, edges and settings', () => {
      expect(validateJourney(portuguese.definition)).toEqual([]);
      expect(JourneyDefinition.parse(portuguese.definition)).toEqual(portuguese.definition);
      expect(shape(portuguese.definition)).toEqual(shape(spanish.definition));
      expect(portuguese.definition.edges).toEqual(spanish.definition.edges);
      expect(portuguese.layout).toEqual(spanish.layout);
    });

    test('every step name is translated, and no Spanish is left in its words', () => {
      for (const [nodeId, node] of Object.entries(portuguese.definition.nodes)) {
        expect(node.name, nodeId).not.toBe(spanish.definition.nodes[nodeId]?.name);
      }
      const spanishLooking = words(portuguese.definition).filter((text) =>
        /[ñ¿¡]|\b(hola|tu|tienda|carrito|gracias|responde|baja|ventas|correo)\b/i.test(text),
      );
      expect(spanishLooking).toEqual([]);
    });

    test('WhatsApp templates are the Brazilian ones', () => {
      for (const node of Object.values(portuguese.definition.nodes)) {
        if (node.type === 'send' && node.content.whatsapp?.template) {
          expect(node.content.whatsapp.template.language).toBe('pt_BR');
        }
      }
    });

    test('Spanish and English get the Spanish template, unchanged', () => {
      expect(getJourneyTemplate(id, 'en')).toEqual(spanish);
      expect(spanish.definition).toEqual(journeyTemplates.find((t) => t.id === id)?.definition);
    });
  },
);
