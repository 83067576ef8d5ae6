import type { JourneyDefinition } from '@ruta/shared';

/** A new journey from scratch: a trigger and nothing else (validation tells what is missing). */
export function blankJourney(): JourneyDefinition {
  return {
    schemaVersion: 1,
    trigger: { kind: 'event', event: 'cart_abandoned', filters: [] },
    nodes: {},
    edges: [],
    settings: { reentry: { mode: 'after_exit' } },
  };
}
