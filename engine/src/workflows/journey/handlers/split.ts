import type { SplitNode } from '@ruta/shared/workflow';
import { bucketOf } from '@ruta/shared/workflow';
import type { NodeHandler } from './types';

/** Pure: a stable bucket per run and visit picks the variant, so a replay picks the same one. */
export const split: NodeHandler<SplitNode> = async (ctx, node, nodeId, visit) => {
  const bucket = bucketOf(`${ctx.input.runId}:${nodeId}:${visit}`);
  let upper = 0;
  for (const variant of node.variants) {
    upper += variant.percent;
    if (bucket < upper)
      return { port: variant.port, detail: { bucket, variant: variant.label ?? variant.port } };
  }
  const last = node.variants.at(-1);
  if (!last) throw new Error(`split ${nodeId} has no variants`);
  return { port: last.port, detail: { bucket, variant: last.label ?? last.port } };
};
