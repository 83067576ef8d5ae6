import { z } from 'zod';

/** A connection from one output (`sourcePort`) of `source` to `target`; `source` may be 'trigger'. */
export const Edge = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  sourcePort: z.string().min(1),
  target: z.string().min(1),
});
export type Edge = z.infer<typeof Edge>;
