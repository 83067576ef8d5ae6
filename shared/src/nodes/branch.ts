import { z } from 'zod';
import { Condition } from '../model/condition';
import { PortName } from '../model/ids';
import { checkPorts, nodeBase } from './common';

export { ELSE_PORT } from '../model/reserved';

import { ELSE_PORT } from '../model/reserved';

export const BranchCase = z.object({
  port: PortName,
  label: z.string().max(80).optional(),
  /** All must hold. */
  conditions: z.array(Condition).min(1),
});
export type BranchCase = z.infer<typeof BranchCase>;

/** Cases are tried in order; the first that holds wins, otherwise 'else'. */
export const BranchNode = z
  .object({ type: z.literal('branch'), ...nodeBase, cases: z.array(BranchCase).min(1) })
  .superRefine((node, ctx) => checkPorts(ctx, node.cases, 'cases', ELSE_PORT));
export type BranchNode = z.infer<typeof BranchNode>;

export function outputPorts(node: BranchNode): string[] {
  return [...node.cases.map((branchCase) => branchCase.port), ELSE_PORT];
}
