import {
  type Channel,
  JourneyDefinition,
  type JourneyNode,
  localParts,
  type SendContent,
  validateJourney,
} from '@ruta/shared';

type Input<T extends { _zod: { input: unknown } }> = T['_zod']['input'];
export type NodeInput = Input<typeof JourneyNode>;
type DefinitionInput = Input<typeof JourneyDefinition>;

/**
 * A small journey for a test, written the way the editor would save it: `[source, port, target]`
 * links, defaults filled in by the shared schema, and rejected unless `validateJourney` accepts
 * it, so every test runs a journey a marketer could publish.
 */
export function defineJourney(spec: {
  trigger?: DefinitionInput['trigger'];
  nodes: Record<string, NodeInput>;
  links: [source: string, port: string, target: string][];
  settings?: DefinitionInput['settings'];
}): JourneyDefinition {
  const input = {
    schemaVersion: 1,
    trigger: spec.trigger ?? { kind: 'manual' },
    nodes: spec.nodes,
    edges: spec.links.map(([source, sourcePort, target]) => ({
      id: `${source}.${sourcePort}`,
      source,
      sourcePort,
      target,
    })),
    settings: spec.settings ?? {},
  };
  const problems = validateJourney(input);
  if (problems.length > 0) {
    throw new Error(
      `test journey is invalid: ${problems.map((p) => `${p.path.join('.')}: ${p.message.en}`).join('; ')}`,
    );
  }
  return JourneyDefinition.parse(input);
}

/** One send step whose outputs end the run (outcome 'sent' or 'failed'). */
export function sendOnly(
  channel: Channel,
  content: Input<typeof SendContent>,
  options: {
    fallbackChannels?: Channel[];
    settings?: DefinitionInput['settings'];
    trigger?: DefinitionInput['trigger'];
  } = {},
): JourneyDefinition {
  return defineJourney({
    trigger: options.trigger,
    nodes: {
      send: {
        type: 'send',
        channel,
        fallbackChannels: options.fallbackChannels ?? [],
        content,
        exitPorts: ['sent', 'failed'],
      },
    },
    links: [['trigger', 'next', 'send']],
    settings: options.settings,
  });
}

/** 'HH:MM' of `date` shifted by `minutes`, on the clock of `timeZone`. */
export function localTime(timeZone: string, minutes: number, date = new Date()): string {
  const { hour, minute } = localParts(new Date(date.getTime() + minutes * 60_000), timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
