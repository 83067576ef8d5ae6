import { z } from 'zod';
import { PortName } from '../model/ids';
import { nodeBase } from './common';

/** The outcome a template uses to mark a conversion. */
export const CONVERTED_OUTCOME = 'converted';

export const ExitNode = z.object({
  type: z.literal('exit'),
  ...nodeBase,
  outcome: PortName.default('completed'),
});
export type ExitNode = z.infer<typeof ExitNode>;

export function outputPorts(_node: ExitNode): string[] {
  return [];
}
