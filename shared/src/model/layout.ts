import { z } from 'zod';

export const NodePosition = z.object({ x: z.number(), y: z.number() });
export type NodePosition = z.infer<typeof NodePosition>;

/** Canvas positions by node id (including 'trigger'); UI-only, the engine never sees it. */
export const JourneyLayout = z.record(z.string(), NodePosition);
export type JourneyLayout = z.infer<typeof JourneyLayout>;
