import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  type EdgeTypes,
  getSmoothStepPath,
} from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyFlowEdge } from '../store/convert';
import { useEditor, useEditorStore } from '../store/editor-context';
import { useEdgeStats } from './analytics-overlay';
import { routedPath } from './edge-path';
import { routeFits, useEdgeRoute } from './edge-routes';

function JourneyEdgeImpl({
  id,
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  selected,
  markerEnd,
}: EdgeProps<JourneyFlowEdge>) {
  const route = useEdgeRoute(id);
  const fits = useEditor(
    (s) => route !== undefined && routeFits(route, s.layout[source], s.layout[target]),
  );
  const routed =
    route && fits
      ? routedPath(route.points, { x: sourceX, y: sourceY }, { x: targetX, y: targetY })
      : undefined;
  const [path, labelX, labelY] =
    routed ??
    getSmoothStepPath({
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
      borderRadius: 14,
    });
  const onPath = useEditor((s) => {
    const i = s.highlight.indexOf(source);
    return i >= 0 && s.highlight[i + 1] === target;
  });
  const stats = useEdgeStats(id);
  const readOnly = useEditor((s) => s.readOnly);
  const store = useEditorStore();
  const { t } = useTranslation();
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={onPath ? 'edge-on-path' : selected ? 'edge-selected' : undefined}
        data-routed={routed ? 'elk' : 'step'}
      />
      {selected && !readOnly && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="edge-remove nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            aria-label={t('editor.removeConnection')}
            title={t('editor.removeConnection')}
            data-testid={`edge-remove-${id}`}
            onClick={() => store.getState().deleteEdges([id])}
          >
            ×
          </button>
        </EdgeLabelRenderer>
      )}
      {stats && !selected && (
        <EdgeLabelRenderer>
          <div
            className="edge-stat"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-stat-${id}`}
          >
            {stats}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const edgeTypes: EdgeTypes = { journey: memo(JourneyEdgeImpl) };
