import { z } from 'zod';
import { JourneyNode } from '../nodes/index';
import { Edge } from './edge';
import { NodeId, TRIGGER_NODE_ID } from './ids';
import { addRuleIssue } from './rule-issue';
import { JourneySettings } from './settings';
import { Trigger } from './trigger';

export const SCHEMA_VERSION = 1;

const JourneyNodeId = NodeId.superRefine((id, ctx) => {
  if (id === TRIGGER_NODE_ID) {
    addRuleIssue(ctx, 'reserved_node_id', {
      es: `«${TRIGGER_NODE_ID}» está reservado para el disparador; usa otro id para este paso.`,
      pt: `«${TRIGGER_NODE_ID}» é reservado para o gatilho; use outro id para esta etapa.`,
      en: `"${TRIGGER_NODE_ID}" is reserved for the trigger; use another id for this step.`,
    });
  }
});

/** One journey version: what the engine runs. Canvas positions live apart, in `JourneyLayout`. */
export const JourneyDefinition = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  trigger: Trigger,
  nodes: z.record(JourneyNodeId, JourneyNode),
  edges: z.array(Edge),
  settings: JourneySettings.prefault({}),
});
export type JourneyDefinition = z.infer<typeof JourneyDefinition>;
