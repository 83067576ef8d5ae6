// Test helpers: a small valid journey to break one rule at a time.
import type { JourneyDefinition } from '../model/definition';
import type { JourneyNode } from '../nodes/index';
import { connect } from '../templates/build';
import { validateJourney } from './index';
import type { ValidateOptions } from './problem';

/** trigger → greet (WhatsApp) → listen (reply / 24 h) → done / gave_up; a failed send ends the run. */
export function smallJourney(): JourneyDefinition {
  return {
    schemaVersion: 1,
    trigger: { kind: 'event', event: 'signed_up', filters: [] },
    nodes: {
      greet: {
        type: 'send',
        channel: 'whatsapp',
        fallbackChannels: [],
        exitPorts: ['failed'],
        content: { whatsapp: { text: 'Hola {{ contact.first_name }}', buttons: [] } },
      },
      listen: {
        type: 'wait_for',
        signals: [{ port: 'replied', kind: 'reply' }],
        timeout: { amount: 24, unit: 'hours' },
      },
      done: { type: 'exit', outcome: 'replied' },
      gave_up: { type: 'exit', outcome: 'no_response' },
    },
    edges: connect(
      ['trigger', 'next', 'greet'],
      ['greet', 'sent', 'listen'],
      ['listen', 'replied', 'done'],
      ['listen', 'timeout', 'gave_up'],
    ),
    settings: { reentry: { mode: 'after_exit' } },
  };
}

/** Replaces (or with `undefined`, deletes) nodes of the small journey; loosely typed on purpose. */
export function withNodes(
  journey: JourneyDefinition,
  nodes: Record<string, unknown>,
): JourneyDefinition {
  const next = { ...journey.nodes } as Record<string, unknown>;
  for (const [id, node] of Object.entries(nodes)) {
    if (node === undefined) delete next[id];
    else next[id] = node;
  }
  return { ...journey, nodes: next as Record<string, JourneyNode> };
}

/** The codes of the problems, for compact assertions. */
export function codes(input: unknown, options?: ValidateOptions): string[] {
  return validateJourney(input, options).map((problem) => problem.code);
}

export function problemsWithCode(input: unknown, code: string, options?: ValidateOptions) {
  return validateJourney(input, options).filter((problem) => problem.code === code);
}
