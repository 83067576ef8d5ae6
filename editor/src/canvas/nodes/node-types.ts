import type { NodeTypes } from '@xyflow/react';
import { NodeCard } from './node-card';

/** One entry per kind, at module scope (React Flow warns when this object changes identity). */
export const nodeTypes: NodeTypes = {
  trigger: NodeCard,
  send: NodeCard,
  wait: NodeCard,
  wait_for: NodeCard,
  branch: NodeCard,
  split: NodeCard,
  update_contact: NodeCard,
  webhook: NodeCard,
  handoff: NodeCard,
  exit: NodeCard,
};
