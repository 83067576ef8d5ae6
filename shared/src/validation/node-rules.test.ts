import { describe, expect, test } from 'vitest';
import { validateJourney } from './index';
import { codes, problemsWithCode, smallJourney, withNodes } from './testing';

const greet = () => smallJourney().nodes.greet;

describe('validateJourney: node rules', () => {
  test('split percentages must add up to 100', () => {
    const split = {
      type: 'split',
      variants: [
        { port: 'a', percent: 50 },
        { port: 'b', percent: 40 },
      ],
    };
    const journey = withNodes(smallJourney(), { done: split });
    const [problem] = problemsWithCode(journey, 'split_not_100');
    expect(problem).toMatchObject({ nodeId: 'done', path: ['nodes', 'done', 'variants'] });
    expect(problem?.message.es).toContain('suman 90 %');
  });

  test('output names are unique within a node', () => {
    const journey = withNodes(smallJourney(), {
      listen: {
        type: 'wait_for',
        signals: [
          { port: 'replied', kind: 'reply' },
          { port: 'replied', kind: 'open' },
        ],
        timeout: { amount: 1, unit: 'days' },
      },
    });
    expect(problemsWithCode(journey, 'duplicate_port')).toMatchObject([
      { nodeId: 'listen', path: ['nodes', 'listen', 'signals', 1, 'port'] },
    ]);
  });

  test.each([
    [
      'wait_for',
      'timeout',
      {
        type: 'wait_for',
        signals: [{ port: 'timeout', kind: 'reply' }],
        timeout: { amount: 1, unit: 'days' },
      },
    ],
    [
      'branch',
      'else',
      {
        type: 'branch',
        cases: [{ port: 'else', conditions: [{ source: 'contact', field: 'vip', op: 'exists' }] }],
      },
    ],
  ])('%s outputs may not be called %s', (_type, _port, node) => {
    expect(codes(withNodes(smallJourney(), { listen: node }))).toContain('reserved_port');
  });

  test('a send needs content for its channel and every fallback', () => {
    const journey = withNodes(smallJourney(), { greet: { ...greet(), fallbackChannels: ['sms'] } });
    expect(problemsWithCode(journey, 'missing_content')).toMatchObject([
      {
        nodeId: 'greet',
        path: ['nodes', 'greet', 'content', 'sms'],
        message: { en: 'Write the SMS message.' },
      },
    ]);
  });

  test('WhatsApp needs a template or a text', () => {
    const journey = withNodes(smallJourney(), {
      greet: { ...greet(), content: { whatsapp: { buttons: [] } } },
    });
    expect(problemsWithCode(journey, 'missing_content')).toMatchObject([
      { path: ['nodes', 'greet', 'content', 'whatsapp'] },
    ]);
  });

  test('fallback channels: not the primary, no repeats', () => {
    const journey = withNodes(smallJourney(), {
      greet: {
        ...greet(),
        fallbackChannels: ['whatsapp', 'sms', 'sms'],
        content: { whatsapp: { text: 'Hola', buttons: [] }, sms: { text: 'Hola' } },
      },
    });
    expect(problemsWithCode(journey, 'duplicate_channel').map((problem) => problem.path)).toEqual([
      ['nodes', 'greet', 'fallbackChannels', 0],
      ['nodes', 'greet', 'fallbackChannels', 2],
    ]);
  });

  test('WhatsApp allows three buttons with distinct ids', () => {
    const withButtons = (ids: string[]) =>
      withNodes(smallJourney(), {
        greet: {
          ...greet(),
          content: { whatsapp: { text: 'Hola', buttons: ids.map((id) => ({ id, text: id })) } },
        },
      });
    expect(validateJourney(withButtons(['a', 'b', 'c', 'd']))).toMatchObject([
      {
        code: 'invalid_field',
        message: { en: 'content.whatsapp.buttons: allows at most 3 items.' },
      },
    ]);
    expect(problemsWithCode(withButtons(['a', 'b', 'a']), 'duplicate_button')).toMatchObject([
      { path: ['nodes', 'greet', 'content', 'whatsapp', 'buttons', 2, 'id'] },
    ]);
  });

  test('an update that changes nothing, or contradicts itself', () => {
    const empty = withNodes(smallJourney(), { done: { type: 'update_contact' } });
    expect(codes(empty)).toContain('empty_update');
    const both = withNodes(smallJourney(), {
      done: {
        type: 'update_contact',
        set: { plan: 'pro' },
        unset: ['plan'],
        addTags: ['x'],
        removeTags: ['x'],
      },
    });
    expect(problemsWithCode(both, 'conflicting_update').map((problem) => problem.path)).toEqual([
      ['nodes', 'done', 'unset', 0],
      ['nodes', 'done', 'removeTags', 0],
    ]);
  });

  test('a webhook URL must be http(s)', () => {
    const webhook = { type: 'webhook', method: 'POST', url: 'ftp://example.com' };
    expect(codes(withNodes(smallJourney(), { done: webhook }))).toContain('invalid_url');
    const templated = {
      ...webhook,
      url: '{{ contact.webhook_url }}',
      exitPorts: ['success', 'failure'],
    };
    expect(codes(withNodes(smallJourney(), { done: templated }))).toEqual([]);
  });

  test('condition values fit the operator', () => {
    const branch = (value: unknown) => ({
      type: 'branch',
      exitPorts: ['inactive', 'else'],
      cases: [
        {
          port: 'inactive',
          conditions: [{ source: 'contact', field: 'last_order_at', op: 'older_than_days', value }],
        },
      ],
    });
    expect(codes(withNodes(smallJourney(), { done: branch(60) }))).toEqual([]);
    expect(
      problemsWithCode(
        withNodes(smallJourney(), { done: branch('60') }),
        'invalid_condition_value',
      ),
    ).toMatchObject([{ path: ['nodes', 'done', 'cases', 0, 'conditions', 0, 'value'] }]);
  });

  test('engagement conditions use engagement fields', () => {
    const branch = {
      type: 'branch',
      exitPorts: ['x', 'else'],
      cases: [
        {
          port: 'x',
          conditions: [{ source: 'engagement', field: 'bought', op: 'eq', value: true }],
        },
      ],
    };
    expect(codes(withNodes(smallJourney(), { done: branch }))).toEqual([
      'unknown_engagement_field',
    ]);
  });
});
