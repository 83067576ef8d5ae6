import { z } from 'zod';

/** On the canvas the trigger is the node with this id; no node in `nodes` may use it. */
export { TRIGGER_NODE_ID } from './reserved';

import { TRIGGER_NODE_ID } from './reserved';

/** The trigger's single output. */
export const TRIGGER_PORT = 'next';

/** Node ids go into workflow ids and idempotency keys, so they stay short and plain. */
export const NodeId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'letters, digits, "_" and "-", starting with a letter');
export type NodeId = z.infer<typeof NodeId>;

/** An output name ('sent', 'tapped_buy', 'a'); also the outcome when a run ends there. */
export const PortName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, "_" and "-"');
export type PortName = z.infer<typeof PortName>;
