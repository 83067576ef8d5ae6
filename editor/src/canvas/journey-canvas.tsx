import type { NodeType } from '@ruta/shared';
import {
  Background,
  type Connection,
  ControlButton,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
} from '@xyflow/react';
import { Map as MapIcon } from 'lucide-react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type JourneyFlowEdge, type JourneyFlowNode, toFlow } from '../store/convert';
import { useEditor, useEditorStore } from '../store/editor-context';
import { EdgeRoutesContext, useEdgeRoutes } from './edge-routes';
import { edgeTypes } from './journey-edge';
import { type CardKind, kindColor } from './kinds/index';
import { nodeTypes } from './nodes/node-types';
import { DRAG_TYPE } from './palette';
import { useReadableFit } from './use-readable-fit';
import { useShortcuts } from './use-shortcuts';

const defaultEdgeOptions = { type: 'journey' };
const proOptions = { hideAttribution: true };

/** The React Flow canvas, controlled by the editor store: every change goes through the store's actions. */
export function JourneyCanvas() {
  const store = useEditorStore();
  const definition = useEditor((s) => s.definition);
  const layout = useEditor((s) => s.layout);
  const problems = useEditor((s) => s.problems);
  const selectedId = useEditor((s) => s.selectedId);
  const readOnly = useEditor((s) => s.readOnly);
  const flow = useReactFlow();
  useShortcuts();
  // React Flow measures each node; the model does not keep sizes, so they live here.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  // A selected connection is the canvas's own state: the store selects steps (the inspector).
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  // The minimap covers steps: it shows only when asked for.
  const [minimap, setMinimap] = useState(false);
  const { t } = useTranslation();
  const routes = useEdgeRoutes(definition);
  const fit = useReadableFit();
  const initialized = useNodesInitialized();
  const fitted = useRef(false);
  useEffect(() => {
    if (!initialized || fitted.current) return;
    fitted.current = true;
    fit();
  }, [initialized, fit]);

  const { nodes, edges } = useMemo(() => {
    const converted = toFlow(definition, layout, problems);
    return {
      nodes: converted.nodes.map((n) => ({
        ...n,
        selected: n.id === selectedId,
        ...(measured[n.id] ? { measured: measured[n.id] } : {}),
      })),
      edges: converted.edges.map((e) => ({ ...e, selected: selectedEdges.has(e.id) })),
    };
  }, [definition, layout, problems, selectedId, measured, selectedEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyFlowNode>[]) => {
      const positions: Record<string, { x: number; y: number }> = {};
      let final = false;
      const sizes: Record<string, { width: number; height: number }> = {};
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
        if (change.type === 'position' && change.position) {
          positions[change.id] = change.position;
          if (change.dragging === false) final = true;
        }
        if (change.type === 'position' && change.dragging === false) final = true;
        if (change.type === 'select' && change.selected) {
          store.getState().select(change.id);
          setSelectedEdges(new Set());
        }
      }
      if (Object.keys(sizes).length > 0) setMeasured((m) => ({ ...m, ...sizes }));
      if (Object.keys(positions).length > 0 || final) store.getState().moveNodes(positions, final);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<JourneyFlowEdge>[]) => {
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length === 0) return;
      setSelectedEdges((current) => {
        const next = new Set(current);
        for (const change of selects)
          if (change.selected) next.add(change.id);
          else next.delete(change.id);
        return next;
      });
      // Selecting a connection leaves the step: Delete then removes the connection only.
      if (selects.some((c) => c.selected)) store.getState().select(null);
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) =>
      c.sourceHandle && store.getState().connect(c.source, c.sourceHandle, c.target),
    [store],
  );

  const onReconnect = useCallback(
    (old: JourneyFlowEdge, c: Connection) =>
      c.sourceHandle && store.getState().reconnect(old.id, c.source, c.sourceHandle, c.target),
    [store],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(DRAG_TYPE) as NodeType;
      if (!type) return;
      event.preventDefault();
      const position = flow.screenToFlowPosition({ x: event.clientX - 120, y: event.clientY - 30 });
      // Dropped on a connection: insert the step between its two ends.
      const edgeElement = document
        .elementsFromPoint(event.clientX, event.clientY)
        .map((el) => el.closest('.react-flow__edge'))
        .find((el): el is Element => el !== null);
      const edgeId = edgeElement?.getAttribute('data-id') ?? undefined;
      store.getState().addNode(type, position, edgeId);
    },
    [flow, store],
  );

  return (
    <div
      className="canvas"
      role="application"
      aria-label="canvas"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      onDrop={onDrop}
    >
      <EdgeRoutesContext.Provider value={routes}>
        <ReactFlow<JourneyFlowNode, JourneyFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onReconnect={onReconnect}
          onDelete={({ nodes: goneNodes, edges: goneEdges }) => {
            store.getState().deleteElements(
              goneNodes.map((n) => n.id),
              goneEdges.map((e) => e.id),
            );
            setSelectedEdges(new Set());
          }}
          onPaneClick={() => {
            store.getState().select(null);
            setSelectedEdges(new Set());
          }}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={!readOnly}
          deleteKeyCode={readOnly ? null : ['Backspace', 'Delete']}
          minZoom={0.2}
          proOptions={proOptions}
        >
          <Background gap={20} size={1.2} color="#d5dbe5" />
          {!readOnly && minimap && (
            <MiniMap
              pannable
              zoomable
              nodeStrokeWidth={3}
              nodeColor={(n) => kindColor((n.data as { kind: CardKind }).kind)}
            />
          )}
          <Controls showInteractive={false} showFitView={false}>
            {!readOnly && (
              <ControlButton
                onClick={() => setMinimap((shown) => !shown)}
                aria-pressed={minimap}
                title={t(minimap ? 'editor.hideMinimap' : 'editor.showMinimap')}
                aria-label={t(minimap ? 'editor.hideMinimap' : 'editor.showMinimap')}
                data-testid="minimap-toggle"
              >
                <MapIcon size={14} />
              </ControlButton>
            )}
          </Controls>
        </ReactFlow>
      </EdgeRoutesContext.Provider>
    </div>
  );
}
