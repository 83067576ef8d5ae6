import { z } from 'zod';
import { Localized } from '../model/localized';

/** One thing wrong with a journey; `[]` from `validateJourney` means it can be published. */
export const ValidationProblem = z.object({
  /** Stable snake_case code, e.g. 'unreachable_node'. */
  code: z.string(),
  /** The node the problem shows on ('trigger' for the trigger). */
  nodeId: z.string().optional(),
  /** The output the problem is about, for problems on one output. */
  port: z.string().optional(),
  /** The edge the problem is about, for problems on one edge. */
  edgeId: z.string().optional(),
  /** Where in the journey definition, e.g. ['nodes', 'wait_1', 'timeout', 'amount']. */
  path: z.array(z.union([z.string(), z.number()])),
  message: Localized,
});
export type ValidationProblem = z.infer<typeof ValidationProblem>;

export type ValidateOptions = {
  /** The workspace's contact attributes; when omitted, any `contact.*` is accepted. */
  knownContactAttributes?: readonly string[];
};

export type ProblemPath = ValidationProblem['path'];

export function nodePath(nodeId: string, ...rest: ProblemPath): ProblemPath {
  return nodeId === 'trigger' ? ['trigger', ...rest] : ['nodes', nodeId, ...rest];
}
