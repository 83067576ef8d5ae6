import { describe, expect, test } from 'vitest';
import { validateJourney } from './index';
import { codes, problemsWithCode, smallJourney, withNodes } from './testing';

const greet = () => smallJourney().nodes.greet;

describe('validateJourney: schema rules', () => {
  test('the small journey is valid', () => {
    expect(validateJourney(smallJourney())).toEqual([]);
  });

  test('missing trigger', () => {
    const { trigger: _, ...rest } = smallJourney();
    const [problem] = problemsWithCode(rest, 'missing_trigger');
    expect(problem).toMatchObject({ nodeId: 'trigger', path: ['trigger'] });
    expect(problem?.message.es).toContain('disparador');
    expect(codes(rest)).not.toContain('unreachable_node');
  });

  test('the id "trigger" is reserved for the trigger', () => {
    const journey = withNodes(smallJourney(), { trigger: { type: 'exit', outcome: 'x' } });
    expect(problemsWithCode(journey, 'reserved_node_id')).toMatchObject([
      { nodeId: 'trigger', path: ['nodes', 'trigger'] },
    ]);
  });

  test('node ids must be plain', () => {
    const journey = withNodes(smallJourney(), { 'mi paso': { type: 'exit', outcome: 'x' } });
    const [problem] = problemsWithCode(journey, 'invalid_field');
    expect(problem).toMatchObject({ nodeId: 'mi paso', path: ['nodes', 'mi paso'] });
    expect(problem?.message.es).toContain('letras');
  });

  test('zod issues get a node id, the full path and plain words', () => {
    const journey = withNodes(smallJourney(), {
      listen: {
        type: 'wait_for',
        signals: [{ port: 'replied', kind: 'reply' }],
        timeout: { amount: -1, unit: 'weeks' },
      },
    });
    const problems = validateJourney(journey);
    expect(problems).toContainEqual({
      code: 'invalid_field',
      nodeId: 'listen',
      path: ['nodes', 'listen', 'timeout', 'amount'],
      message: {
        es: 'timeout.amount: debe ser mayor que 0.',
        en: 'timeout.amount: must be greater than 0.',
      },
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: ['nodes', 'listen', 'timeout', 'unit'],
        message: {
          es: 'timeout.unit: usa uno de: seconds, minutes, hours, days.',
          en: 'timeout.unit: use one of: seconds, minutes, hours, days.',
        },
      }),
    );
  });

  test('a missing required field says so', () => {
    const journey = withNodes(smallJourney(), {
      listen: { type: 'wait_for', signals: [{ port: 'replied', kind: 'reply' }] },
    });
    expect(problemsWithCode(journey, 'missing_field')).toMatchObject([
      {
        nodeId: 'listen',
        path: ['nodes', 'listen', 'timeout'],
        message: { en: 'timeout: this field is required.' },
      },
    ]);
  });

  test('an unknown node type', () => {
    const journey = withNodes(smallJourney(), { done: { type: 'teleport' } });
    const [problem] = problemsWithCode(journey, 'unknown_node_type');
    expect(problem).toMatchObject({ nodeId: 'done', path: ['nodes', 'done', 'type'] });
    expect(problem?.message.en).toContain('send, wait, wait_for');
  });

  test.each([[{ amount: 401, unit: 'days' }], [{ amount: 0.5, unit: 'seconds' }]])(
    'durations between 1 second and 400 days: %j',
    (timeout) => {
      const journey = withNodes(smallJourney(), {
        listen: { type: 'wait_for', signals: [{ port: 'replied', kind: 'reply' }], timeout },
      });
      expect(problemsWithCode(journey, 'duration_out_of_range')).toMatchObject([
        { nodeId: 'listen', path: ['nodes', 'listen', 'timeout', 'amount'] },
      ]);
    },
  );

  test('durations in settings are bounded too', () => {
    const journey = {
      ...smallJourney(),
      settings: { reentry: { mode: 'after_exit', cooldown: { amount: 500, unit: 'days' } } },
    };
    expect(problemsWithCode(journey, 'duration_out_of_range')).toMatchObject([
      { path: ['settings', 'reentry', 'cooldown', 'amount'] },
    ]);
  });

  test('pilot and goal percentages in range', () => {
    const journey = {
      ...smallJourney(),
      settings: { pilot: { enrollmentPercent: 120, holdoutPercent: 100 } },
    };
    const paths = problemsWithCode(journey, 'invalid_field').map((problem) => problem.path);
    expect(paths).toEqual([
      ['settings', 'pilot', 'enrollmentPercent'],
      ['settings', 'pilot', 'holdoutPercent'],
    ]);
  });

  test('quiet hours that start and end together', () => {
    const journey = {
      ...smallJourney(),
      settings: { quietHours: { start: '21:00', end: '21:00' } },
    };
    expect(codes(journey)).toEqual(['empty_quiet_hours']);
  });

  test('a time must be HH:MM', () => {
    const journey = { ...smallJourney(), settings: { quietHours: { start: '9pm', end: '08:00' } } };
    expect(validateJourney(journey)[0]?.message.es).toBe(
      'settings.quietHours.start: usa el formato HH:MM (24 horas), p. ej. 09:30.',
    );
  });
});

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
