import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { readableViewport } from './readable-fit';

/** «Ajustar»: the journey whole when it reads, else readable from its entry (readable-fit.ts). */
export function useReadableFit(): (duration?: number) => void {
  const flow = useReactFlow();
  const storeApi = useStoreApi();
  return useCallback(
    (duration = 0) => {
      const { width, height } = storeApi.getState();
      const nodes = flow.getNodes();
      if (nodes.length === 0 || width === 0 || height === 0) return;
      const bounds = flow.getNodesBounds(nodes);
      const trigger = flow.getInternalNode('trigger');
      const entry = trigger
        ? {
            ...trigger.internals.positionAbsolute,
            width: trigger.measured.width ?? 0,
            height: trigger.measured.height ?? 0,
          }
        : undefined;
      void flow.setViewport(readableViewport(bounds, { width, height }, entry), { duration });
    },
    [flow, storeApi],
  );
}
