import { describe, expect, test } from 'vitest';
import type { Edge } from '../model/edge';
import { connect } from '../templates/build';
import { validateJourney } from './index';
import { codes, problemsWithCode, smallJourney, withNodes } from './testing';

const withEdges = (edges: Edge[]) => ({
  ...smallJourney(),
  edges: [...smallJourney().edges, ...edges],
});
const withoutEdge = (id: string) => ({
  ...smallJourney(),
  edges: smallJourney().edges.filter((edge) => edge.id !== id),
});

describe('validateJourney: graph rules', () => {
  test('edges start at an existing step', () => {
    const journey = withEdges(connect(['ghost', 'next', 'done']));
    expect(problemsWithCode(journey, 'unknown_edge_source')).toMatchObject([
      { edgeId: 'ghost.next', path: ['edges', 4, 'source'] },
    ]);
  });

  test('edges end at an existing step', () => {
    const journey = {
      ...withoutEdge('listen.timeout'),
      edges: [...withoutEdge('listen.timeout').edges, ...connect(['listen', 'timeout', 'ghost'])],
    };
    expect(codes(journey)).toEqual(['unknown_edge_target', 'unreachable_node']);
  });

  test('nothing leads back into the trigger', () => {
    const journey = {
      ...withoutEdge('listen.timeout'),
      edges: [...withoutEdge('listen.timeout').edges, ...connect(['listen', 'timeout', 'trigger'])],
    };
    expect(codes(journey)).toEqual(['edge_into_trigger', 'unreachable_node']);
  });

  test('edges leave from a real output', () => {
    const journey = withEdges(connect(['greet', 'clicked', 'done']));
    const [problem] = problemsWithCode(journey, 'unknown_port');
    expect(problem).toMatchObject({
      nodeId: 'greet',
      port: 'clicked',
      path: ['edges', 4, 'sourcePort'],
    });
    expect(problem?.message.en).toContain('connect one of: "sent", "failed"');
    expect(codes(withEdges(connect(['trigger', 'later', 'done'])))).toContain('unknown_port');
  });

  test('one edge per output', () => {
    const journey = withEdges([
      { id: 'again', source: 'listen', sourcePort: 'replied', target: 'gave_up' },
    ]);
    expect(problemsWithCode(journey, 'duplicate_edge')).toMatchObject([
      { nodeId: 'listen', port: 'replied', edgeId: 'again', path: ['edges', 4] },
    ]);
  });

  test('edge ids are unique', () => {
    const [first] = smallJourney().edges;
    const journey = withEdges([
      { ...(first as Edge), source: 'greet', sourcePort: 'failed', target: 'done' },
    ]);
    const journeyWithoutExit = withNodes(journey, {
      greet: { ...smallJourney().nodes.greet, exitPorts: [] },
    });
    expect(codes(journeyWithoutExit)).toEqual(['duplicate_edge_id']);
  });

  test('every step reachable from the trigger', () => {
    const journey = withNodes(smallJourney(), { lonely: { type: 'exit', outcome: 'x' } });
    expect(validateJourney(journey)).toMatchObject([
      { code: 'unreachable_node', nodeId: 'lonely', path: ['nodes', 'lonely'] },
    ]);
  });

  test('every output connected or left to end the run', () => {
    const journey = withNodes(withoutEdge('listen.timeout'), { gave_up: undefined });
    const [problem] = validateJourney(journey);
    expect(problem).toMatchObject({ code: 'unconnected_port', nodeId: 'listen', port: 'timeout' });
    expect(problem?.message.es).toBe(
      'La salida «sin respuesta en 24 h» no lleva a ningún paso; conéctala o márcala para terminar el recorrido ahí.',
    );
    const leftToExit = withNodes(journey, {
      listen: { ...smallJourney().nodes.listen, exitPorts: ['timeout'] },
    });
    expect(validateJourney(leftToExit)).toEqual([]);
  });

  test('the trigger must be connected', () => {
    const journey = withoutEdge('trigger.next');
    expect(problemsWithCode(journey, 'unconnected_port')).toMatchObject([
      { nodeId: 'trigger', port: 'next', path: ['trigger'] },
    ]);
  });

  test('an output is either connected or an exit, not both', () => {
    const journey = withNodes(smallJourney(), {
      listen: { ...smallJourney().nodes.listen, exitPorts: ['timeout'] },
    });
    expect(problemsWithCode(journey, 'exit_port_connected')).toMatchObject([
      { nodeId: 'listen', port: 'timeout', path: ['nodes', 'listen', 'exitPorts', 0] },
    ]);
  });

  test('exit ports name real outputs', () => {
    const journey = withNodes(smallJourney(), {
      greet: { ...smallJourney().nodes.greet, exitPorts: ['failed', 'bounced'] },
    });
    expect(codes(journey)).toEqual(['unknown_exit_port']);
  });

  test('graph checks still run on a node that failed its schema', () => {
    const split = {
      type: 'split',
      variants: [
        { port: 'a', percent: 70 },
        { port: 'b', percent: 70 },
      ],
    };
    const journey = withNodes(smallJourney(), { gave_up: split });
    expect(problemsWithCode(journey, 'unconnected_port').map((problem) => problem.port)).toEqual([
      'a',
      'b',
    ]);
    expect(codes(journey)).toContain('split_not_100');
  });
});

describe('validateJourney: loops', () => {
  // listen --timeout--> nudge --sent--> listen
  const loop = (listenExtra: object, nudgeExtra: object = {}) => {
    const base = smallJourney();
    return {
      ...withNodes(base, {
        listen: { ...base.nodes.listen, ...listenExtra },
        nudge: { ...base.nodes.greet, ...nudgeExtra },
        gave_up: undefined,
      }),
      edges: [
        ...base.edges.filter((edge) => edge.id !== 'listen.timeout'),
        ...connect(['listen', 'timeout', 'nudge'], ['nudge', 'sent', 'listen']),
      ],
    };
  };

  test('a loop through a wait with a bound is fine', () => {
    expect(validateJourney(loop({ maxVisits: 3 }))).toEqual([]);
    expect(validateJourney(loop({}, { maxVisits: 2 }))).toEqual([]);
  });

  test('a loop without a bound', () => {
    const [problem] = validateJourney(loop({}));
    expect(problem).toMatchObject({
      code: 'unbounded_cycle',
      nodeId: 'listen',
      path: ['nodes', 'listen', 'maxVisits'],
    });
    expect(problem?.message.en).toContain('Wait for a signal → Send message');
  });

  test('a loop that never waits', () => {
    const base = smallJourney();
    const journey = {
      ...withNodes(base, {
        tag: { type: 'update_contact', addTags: ['x'], maxVisits: 2 },
        gave_up: undefined,
        done: { type: 'exit', outcome: 'replied', maxVisits: 1 },
      }),
      edges: [
        ...base.edges.filter((edge) => edge.id !== 'listen.timeout'),
        ...connect(['listen', 'timeout', 'tag'], ['tag', 'next', 'tag']),
      ],
    };
    expect(codes(journey)).toEqual(['cycle_without_wait']);
  });

  test('every cycle must wait, not just every loop region', () => {
    // greet → listen → greet waits, but greet → greet (failed) spins at once.
    const base = smallJourney();
    const journey = {
      ...withNodes(base, {
        greet: { ...base.nodes.greet, exitPorts: [], maxVisits: 3 },
        gave_up: undefined,
      }),
      edges: [
        ...base.edges.filter((edge) => edge.id !== 'listen.timeout'),
        ...connect(['listen', 'timeout', 'greet'], ['greet', 'failed', 'greet']),
      ],
    };
    expect(problemsWithCode(journey, 'cycle_without_wait')).toMatchObject([{ nodeId: 'greet' }]);
  });
});

describe('validateJourney: message references', () => {
  test('messageNodeId names a send', () => {
    const journey = withNodes(smallJourney(), {
      listen: { ...smallJourney().nodes.listen, messageNodeId: 'done' },
    });
    expect(problemsWithCode(journey, 'unknown_message_node')).toMatchObject([
      { nodeId: 'listen', path: ['nodes', 'listen', 'messageNodeId'] },
    ]);
  });

  test('messageNodeId names a send that comes before', () => {
    const base = smallJourney();
    const journey = {
      ...withNodes(base, {
        listen: { ...base.nodes.listen, messageNodeId: 'later' },
        later: { ...base.nodes.greet, exitPorts: ['sent', 'failed'] },
        gave_up: undefined,
      }),
      edges: [
        ...base.edges.filter((edge) => edge.id !== 'listen.timeout'),
        ...connect(['listen', 'timeout', 'later']),
      ],
    };
    expect(codes(journey)).toEqual(['message_node_not_before']);
  });

  test('waiting for a reply needs a message before it', () => {
    const base = smallJourney();
    const journey = {
      ...withNodes(base, { greet: undefined }),
      edges: [
        ...base.edges.filter((edge) => edge.source !== 'trigger' && edge.source !== 'greet'),
        ...connect(['trigger', 'next', 'listen']),
      ],
    };
    expect(codes(journey)).toEqual(['no_message_to_wait_for']);
    const forEvent = withNodes(journey, {
      listen: {
        ...base.nodes.listen,
        signals: [{ port: 'replied', kind: 'event', event: 'order_placed' }],
      },
    });
    expect(validateJourney(forEvent)).toEqual([]);
  });
});
