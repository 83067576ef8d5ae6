import { z } from 'zod';

export const ReplyIntent = z.enum(['yes', 'no', 'opt_out']);
export type ReplyIntent = z.infer<typeof ReplyIntent>;

/** What a `wait_for` reply signal listens for. No field set means any reply. */
export const ReplyMatch = z.object({
  intent: ReplyIntent.optional(),
  keywords: z.array(z.string()).optional(),
  buttonId: z.string().optional(),
});
export type ReplyMatch = z.infer<typeof ReplyMatch>;
