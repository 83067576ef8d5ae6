import {
  type Edge,
  type JourneyDefinition,
  type JourneyLayout,
  type JourneyNode,
  type NodeType,
  outputPortsOf,
  TRIGGER_NODE_ID,
  type Trigger,
  type ValidationProblem,
  validateJourney,
} from '@ruta/shared';
import { createStore } from 'zustand/vanilla';
import { defaultNode } from '../canvas/kinds/index';
import { nextNodeId } from './node-ids';
import { inheritedEdges } from './port-inheritance';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'failed';

interface Snapshot {
  definition: JourneyDefinition;
  layout: JourneyLayout;
}

export interface EditorState extends Snapshot {
  journeyId: string;
  readOnly: boolean;
  problems: ValidationProblem[];
  selectedId: string | null;
  past: Snapshot[];
  future: Snapshot[];
  clipboard: { nodes: Record<string, JourneyNode>; layout: JourneyLayout; edges: Edge[] } | null;
  save: { status: SaveStatus; error?: string; revision: number };
  /** Node ids to light up (a run's path, a preview). */
  highlight: string[];

  select(id: string | null): void;
  moveNodes(positions: Record<string, { x: number; y: number }>, commit: boolean): void;
  addNode(type: NodeType, position: { x: number; y: number }, insertOnEdgeId?: string): string;
  updateNode(id: string, node: JourneyNode): void;
  setTrigger(trigger: Trigger): void;
  setSettings(settings: JourneyDefinition['settings']): void;
  renameNodeId(id: string, next: string): void;
  deleteNodes(ids: string[]): void;
  connect(source: string, port: string, target: string): void;
  reconnect(edgeId: string, source: string, port: string, target: string): void;
  deleteEdges(ids: string[]): void;
  /** Steps (with their connections) and connections, removed as one change. */
  deleteElements(nodeIds: string[], edgeIds: string[]): void;
  applyLayout(layout: JourneyLayout): void;
  undo(): void;
  redo(): void;
  copy(ids: string[]): void;
  paste(offset?: { x: number; y: number }): string[];
  setHighlight(ids: string[]): void;
  markSaving(revision: number): void;
  markSaved(revision: number): void;
  markFailed(error: string): void;
}

const HISTORY_LIMIT = 100;

/** The height a step inserted on a connection makes room for (a card and the gap under it). */
const INSERT_ROW = 180;

/** One editor per open journey: the model, its layout, history and save state. Logic lives here, not in components. */
export function createEditorStore(init: {
  journeyId: string;
  definition: JourneyDefinition;
  layout: JourneyLayout;
  readOnly?: boolean;
}) {
  return createStore<EditorState>()((set, get) => {
    /** Every model change goes through here: history, validation, dirty flag. */
    const commit = (next: Partial<Snapshot>, selectedId?: string | null) => {
      const state = get();
      if (state.readOnly) return;
      const definition = next.definition ?? state.definition;
      const layout = next.layout ?? state.layout;
      set({
        definition,
        layout,
        past: [...state.past, { definition: state.definition, layout: state.layout }].slice(
          -HISTORY_LIMIT,
        ),
        future: [],
        problems: definition === state.definition ? state.problems : validateJourney(definition),
        save: { ...state.save, status: 'dirty', revision: state.save.revision + 1 },
        ...(selectedId !== undefined ? { selectedId } : {}),
      });
    };
    const withEdges = (edges: Edge[]) => ({ ...get().definition, edges });
    const edgeId = (source: string, port: string) => `${source}.${port}`;

    return {
      journeyId: init.journeyId,
      readOnly: init.readOnly ?? false,
      definition: init.definition,
      layout: init.layout,
      problems: validateJourney(init.definition),
      selectedId: null,
      past: [],
      future: [],
      clipboard: null,
      save: { status: 'saved', revision: 0 },
      highlight: [],

      select: (id) => set({ selectedId: id }),

      moveNodes(positions, isFinal) {
        const layout = { ...get().layout, ...positions };
        if (isFinal) commit({ layout });
        else set({ layout });
      },

      addNode(type, position, insertOnEdgeId) {
        const { definition, layout } = get();
        const id = nextNodeId(type, [TRIGGER_NODE_ID, ...Object.keys(definition.nodes)]);
        const node = defaultNode(type);
        let edges = definition.edges;
        const split = insertOnEdgeId ? edges.find((e) => e.id === insertOnEdgeId) : undefined;
        if (split) {
          const firstPort = outputPortsOf(node)[0];
          edges = edges.filter((e) => e.id !== split.id);
          edges = [
            ...edges,
            {
              id: edgeId(split.source, split.sourcePort),
              source: split.source,
              sourcePort: split.sourcePort,
              target: id,
            },
          ];
          if (firstPort)
            edges.push({
              id: edgeId(id, firstPort),
              source: id,
              sourcePort: firstPort,
              target: split.target,
            });
        }
        // Inserted on a connection: the new step takes the place of the one it leads to, and that
        // step and everything at or below it move down a row, so nothing lands on a neighbour.
        let placed = layout;
        let at = position;
        const next = split ? layout[split.target] : undefined;
        if (next) {
          at = { x: next.x, y: next.y };
          placed = Object.fromEntries(
            Object.entries(layout).map(([key, p]) => [
              key,
              p.y >= next.y - 1 ? { x: p.x, y: p.y + INSERT_ROW } : p,
            ]),
          );
        }
        commit(
          {
            definition: { ...definition, nodes: { ...definition.nodes, [id]: node }, edges },
            layout: { ...placed, [id]: at },
          },
          id,
        );
        return id;
      },

      updateNode(id, node) {
        const { definition } = get();
        const before = definition.nodes[id];
        const ports = new Set(outputPortsOf(node));
        // A port that no longer exists loses its connection; the rest stay.
        const edges = definition.edges.filter((e) => e.source !== id || ports.has(e.sourcePort));
        // Outputs that replace a connected one go where it went (a hand-off that starts waiting
        // for the agent: «vendió», «resuelto»… take «después»'s step), so nothing is left dangling.
        const inherited = before ? inheritedEdges(id, before, node, definition.edges) : [];
        edges.push(
          ...inherited.map(([port, target]) => ({
            id: edgeId(id, port),
            source: id,
            sourcePort: port,
            target,
          })),
        );
        commit({
          definition: { ...definition, nodes: { ...definition.nodes, [id]: node }, edges },
        });
      },

      setTrigger: (trigger) => commit({ definition: { ...get().definition, trigger } }),
      setSettings: (settings) => commit({ definition: { ...get().definition, settings } }),

      renameNodeId(id, next) {
        const { definition, layout } = get();
        if (!next || next === id || definition.nodes[next] || next === TRIGGER_NODE_ID) return;
        const nodes = Object.fromEntries(
          Object.entries(definition.nodes).map(([k, v]) => [k === id ? next : k, v]),
        );
        const edges = definition.edges.map((e) => ({
          ...e,
          id: e.source === id ? edgeId(next, e.sourcePort) : e.id,
          source: e.source === id ? next : e.source,
          target: e.target === id ? next : e.target,
        }));
        const { [id]: position, ...rest } = layout;
        commit(
          {
            definition: { ...definition, nodes, edges },
            layout: position ? { ...rest, [next]: position } : rest,
          },
          next,
        );
      },

      deleteNodes(ids) {
        get().deleteElements(ids, []);
      },

      deleteElements(nodeIds, edgeIds) {
        const gone = new Set(nodeIds.filter((id) => id !== TRIGGER_NODE_ID));
        const goneEdges = new Set(edgeIds);
        const { definition, layout } = get();
        const edges = definition.edges.filter(
          (e) => !gone.has(e.source) && !gone.has(e.target) && !goneEdges.has(e.id),
        );
        if (gone.size === 0 && edges.length === definition.edges.length) return;
        const nodes = Object.fromEntries(
          Object.entries(definition.nodes).filter(([k]) => !gone.has(k)),
        );
        const kept = Object.fromEntries(Object.entries(layout).filter(([k]) => !gone.has(k)));
        // One change: one undo brings the steps back with every connection they had.
        commit(
          { definition: { ...definition, nodes, edges }, layout: kept },
          gone.size > 0 ? null : undefined,
        );
      },

      connect(source, port, target) {
        if (source === target || target === TRIGGER_NODE_ID) return;
        // One connection per output: a new one replaces the old.
        const edges = get().definition.edges.filter(
          (e) => !(e.source === source && e.sourcePort === port),
        );
        commit({
          definition: withEdges([
            ...edges,
            { id: edgeId(source, port), source, sourcePort: port, target },
          ]),
        });
      },

      reconnect(id, source, port, target) {
        if (source === target || target === TRIGGER_NODE_ID) return;
        const edges = get().definition.edges.filter(
          (e) => e.id !== id && !(e.source === source && e.sourcePort === port),
        );
        commit({
          definition: withEdges([
            ...edges,
            { id: edgeId(source, port), source, sourcePort: port, target },
          ]),
        });
      },

      deleteEdges(ids) {
        get().deleteElements([], ids);
      },

      applyLayout: (layout) => commit({ layout: { ...get().layout, ...layout } }),

      undo() {
        const { past, future, definition, layout } = get();
        const previous = past.at(-1);
        if (!previous) return;
        set({
          ...previous,
          past: past.slice(0, -1),
          future: [{ definition, layout }, ...future],
          problems: validateJourney(previous.definition),
          save: { ...get().save, status: 'dirty', revision: get().save.revision + 1 },
        });
      },

      redo() {
        const { past, future, definition, layout } = get();
        const next = future[0];
        if (!next) return;
        set({
          ...next,
          past: [...past, { definition, layout }],
          future: future.slice(1),
          problems: validateJourney(next.definition),
          save: { ...get().save, status: 'dirty', revision: get().save.revision + 1 },
        });
      },

      copy(ids) {
        const { definition, layout } = get();
        const chosen = new Set(ids.filter((id) => definition.nodes[id]));
        if (chosen.size === 0) return;
        set({
          clipboard: {
            nodes: Object.fromEntries(
              [...chosen].map((id) => [id, structuredClone(definition.nodes[id]!)]),
            ),
            layout: Object.fromEntries([...chosen].map((id) => [id, layout[id] ?? { x: 0, y: 0 }])),
            edges: definition.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target)),
          },
        });
      },

      paste(offset = { x: 40, y: 40 }) {
        const { clipboard, definition, layout } = get();
        if (!clipboard) return [];
        const taken = new Set([TRIGGER_NODE_ID, ...Object.keys(definition.nodes)]);
        const renamed: Record<string, string> = {};
        for (const [id, node] of Object.entries(clipboard.nodes)) {
          renamed[id] = nextNodeId(node.type, taken);
          taken.add(renamed[id]!);
        }
        const nodes = { ...definition.nodes };
        const positions = { ...layout };
        for (const [id, node] of Object.entries(clipboard.nodes)) {
          const to = renamed[id]!;
          nodes[to] = structuredClone(node);
          const at = clipboard.layout[id] ?? { x: 0, y: 0 };
          positions[to] = { x: at.x + offset.x, y: at.y + offset.y };
        }
        const edges = [
          ...definition.edges,
          ...clipboard.edges.map((e) => ({
            id: edgeId(renamed[e.source]!, e.sourcePort),
            source: renamed[e.source]!,
            sourcePort: e.sourcePort,
            target: renamed[e.target]!,
          })),
        ];
        commit({ definition: { ...definition, nodes, edges }, layout: positions });
        return Object.values(renamed);
      },

      setHighlight: (ids) => set({ highlight: ids }),
      markSaving: (revision) =>
        set({ save: { status: 'saving', revision: Math.max(revision, get().save.revision) } }),
      markSaved(revision) {
        // Only "saved" if nothing changed while the request was in flight.
        if (get().save.revision === revision) set({ save: { status: 'saved', revision } });
      },
      markFailed: (error) => set({ save: { ...get().save, status: 'failed', error } }),
    };
  });
}

export type EditorStore = ReturnType<typeof createEditorStore>;
