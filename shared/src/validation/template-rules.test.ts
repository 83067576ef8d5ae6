import { describe, expect, test } from 'vitest';
import type { Trigger } from '../model/trigger';
import { validateJourney } from './index';
import { codes, problemsWithCode, smallJourney, withNodes } from './testing';

const saying = (text: string) =>
  withNodes(smallJourney(), {
    greet: { ...smallJourney().nodes.greet, content: { whatsapp: { text, buttons: [] } } },
  });
const textPath = ['nodes', 'greet', 'content', 'whatsapp', 'text'];
const schedule: Trigger = { kind: 'schedule', every: 'day', at: '10:00', conditions: [] };

describe('validateJourney: templates', () => {
  test('templates must parse', () => {
    const [problem] = validateJourney(saying('Hola {{ contact.first_name '));
    expect(problem).toMatchObject({ code: 'invalid_template', nodeId: 'greet', path: textPath });
    expect(problem?.message.es).toContain('línea 1');
  });

  test('a literal range over 1,000 items is refused on its field, in both languages', () => {
    const [problem] = validateJourney(saying('{% for i in (1..9999999) %}x{% endfor %}'));
    expect(problem).toMatchObject({ code: 'range_too_large', nodeId: 'greet', path: textPath });
    expect(problem?.message.es).toContain('9,999,999 elementos');
    expect(problem?.message.en).toContain('at most 1,000');
    expect(codes(saying('{% liquid\nfor i in (0..5000)\necho i\nendfor %}'))).toEqual([
      'range_too_large',
    ]);
  });

  test('small ranges, ranges over variables and "(1..9)" in plain text are fine', () => {
    for (const text of [
      '{% for i in (1..5) %}⭐{% endfor %}',
      '{% for i in (1..1000) %}{% endfor %}',
      '{% for i in (1..contact.visits) %}·{% endfor %}',
      'Elige un número (1..9999999) y respóndelo',
    ])
      expect(validateJourney(saying(text)), text).toEqual([]);
  });

  test('unknown filters are template errors', () => {
    expect(codes(saying('{{ contact.first_name | shout }}'))).toEqual(['invalid_template']);
  });

  test('built-in contact fields, journey.name and event.* after an event trigger are known', () => {
    const text =
      '{{ contact.first_name }} {{ contact.time_zone }} {{ journey.name }} {{ event.cart_url }}';
    expect(validateJourney(saying(text), { knownContactAttributes: [] })).toEqual([]);
  });

  test('event.* only when the journey starts with an event', () => {
    const journey = { ...saying('Tu carrito: {{ event.cart_url }}'), trigger: schedule };
    const [problem] = validateJourney(journey);
    expect(problem).toMatchObject({ code: 'unknown_variable', nodeId: 'greet', path: textPath });
    expect(problem?.message.en).toContain('event.cart_url');
  });

  test('contact attributes: any when the workspace list is not given, else only listed ones', () => {
    const journey = saying('{{ contact.plan }}');
    expect(validateJourney(journey)).toEqual([]);
    expect(validateJourney(journey, { knownContactAttributes: ['plan'] })).toEqual([]);
    const [problem] = validateJourney(journey, { knownContactAttributes: ['tier'] });
    expect(problem).toMatchObject({ code: 'unknown_variable', path: textPath });
    expect(problem?.message.es).toContain('«plan»');
  });

  test('attributes the journey itself saves count as known', () => {
    const base = saying('{{ contact.nps }}');
    const journey = withNodes(base, {
      listen: {
        ...base.nodes.listen,
        signals: [{ port: 'replied', kind: 'reply', saveAs: 'nps' }],
      },
    });
    expect(validateJourney(journey, { knownContactAttributes: [] })).toEqual([]);
  });

  test.each(['{{ journey.id }}', '{{ first_name }}', '{{ cart.total }}'])(
    '%s is unknown',
    (text) => {
      expect(codes(saying(text))).toEqual(['unknown_variable']);
    },
  );

  test('every Liquid field is checked: SMS, email, webhook, handoff note, update values', () => {
    const base = smallJourney();
    const journey = {
      ...withNodes(base, {
        greet: {
          ...base.nodes.greet,
          fallbackChannels: ['sms', 'email'],
          content: {
            whatsapp: {
              template: { name: 'hola', language: 'es', params: ['{{ nope1 }}'] },
              buttons: [],
            },
            sms: { text: '{{ nope2 }}' },
            email: { subject: '{{ nope3 }}', html: '{{ nope4 }}' },
          },
        },
        done: {
          type: 'webhook',
          method: 'POST',
          url: 'https://x.example/{{ nope5 }}',
          headers: { a: '{{ nope6 }}' },
          body: '{{ nope7 }}',
          exitPorts: ['success', 'failure'],
        },
        gave_up: { type: 'handoff', note: '{{ nope8 }}', exitPorts: ['next'] },
      }),
    };
    const update = withNodes(journey, {
      extra: { type: 'update_contact', set: { a: '{{ nope9 }}' }, exitPorts: ['next'] },
    });
    const found = problemsWithCode(update, 'unknown_variable').map((problem) =>
      problem.path.slice(2).join('.'),
    );
    expect(found).toEqual([
      'content.whatsapp.template.params.0',
      'content.sms.text',
      'content.email.subject',
      'content.email.html',
      'url',
      'headers.a',
      'body',
      'note',
      'set.a',
    ]);
  });
});

describe('validateJourney: conditions', () => {
  const branchOn = (source: string, field: string) =>
    withNodes(smallJourney(), {
      done: {
        type: 'branch',
        exitPorts: ['yes', 'else'],
        cases: [{ port: 'yes', conditions: [{ source, field, op: 'exists' }] }],
      },
    });

  test('event conditions need an event trigger', () => {
    expect(validateJourney(branchOn('event', 'cart_total'))).toEqual([]);
    const journey = { ...branchOn('event', 'cart_total'), trigger: schedule };
    expect(problemsWithCode(journey, 'invalid_condition_source')).toMatchObject([
      { nodeId: 'done', path: ['nodes', 'done', 'cases', 0, 'conditions', 0, 'source'] },
    ]);
  });

  test('trigger conditions are about the contact', () => {
    const journey = {
      ...smallJourney(),
      trigger: {
        ...schedule,
        conditions: [{ source: 'engagement', field: 'replied', op: 'eq', value: true }],
      },
    };
    expect(problemsWithCode(journey, 'invalid_condition_source')).toMatchObject([
      { nodeId: 'trigger', path: ['trigger', 'conditions', 0, 'source'] },
    ]);
  });

  test('contact conditions use known attributes when the list is given', () => {
    const journey = branchOn('contact', 'plan');
    expect(validateJourney(journey)).toEqual([]);
    expect(codes(journey, { knownContactAttributes: ['plan'] })).toEqual([]);
    expect(codes(journey, { knownContactAttributes: ['tier'] })).toEqual(['unknown_contact_field']);
  });
});
