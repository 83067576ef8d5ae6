import type { NodeTypes } from '@xyflow/react';
import { PALETTE_KINDS } from '../kinds/index';
import { NodeCard } from './node-card';

/** One entry per kind, at module scope (React Flow warns when this object changes identity). */
export const nodeTypes: NodeTypes = Object.fromEntries(
  ['trigger', ...PALETTE_KINDS].map((kind) => [kind, NodeCard]),
);
