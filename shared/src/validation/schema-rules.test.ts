import { describe, expect, test } from 'vitest';
import { validateJourney } from './index';
import { codes, problemsWithCode, smallJourney, withNodes } from './testing';

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
        pt: 'timeout.amount: deve ser maior que 0.',
        en: 'timeout.amount: must be greater than 0.',
      },
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: ['nodes', 'listen', 'timeout', 'unit'],
        message: {
          es: 'timeout.unit: usa uno de: seconds, minutes, hours, days.',
          pt: 'timeout.unit: use um destes: seconds, minutes, hours, days.',
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
