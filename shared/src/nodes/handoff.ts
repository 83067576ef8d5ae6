import { z } from 'zod';
import { Duration } from '../model/duration';
import { TIMEOUT_PORT } from '../model/reserved';
import { nodeBase } from './common';

import { HANDOFF_RESULTS } from './handoff-defaults';

/**
 * Hands the conversation to a person: a conversation in the team's inbox (`queue`, e.g.
 * "ventas"), with an optional note (Liquid). By default the run goes on at once (`next`); with
 * `waitForAgent` it pauses until the agent closes the conversation and goes on by the result
 * (`sold`, `solved`, `no_sale`), or by `timeout` when nobody closes it in time.
 */
export const HandoffNode = z.object({
  type: z.literal('handoff'),
  ...nodeBase,
  queue: z.string().trim().min(1).max(60).default('default'),
  note: z.string().max(2000).optional(),
  waitForAgent: z.boolean().optional(),
  /** How long a waiting run gives the agent (default 2 days). */
  timeout: Duration.optional(),
});
export type HandoffNode = z.infer<typeof HandoffNode>;

export function outputPorts(node: HandoffNode): string[] {
  return node.waitForAgent ? [...HANDOFF_RESULTS, TIMEOUT_PORT] : ['next'];
}
