import { z } from 'zod';
import { nodeBase } from './common';

/** Hands the conversation to a person: an inbox task in `queue`, with an optional note (Liquid). */
export const HandoffNode = z.object({
  type: z.literal('handoff'),
  ...nodeBase,
  queue: z.string().min(1).default('default'),
  note: z.string().optional(),
});
export type HandoffNode = z.infer<typeof HandoffNode>;

export function outputPorts(_node: HandoffNode): string[] {
  return ['next'];
}
