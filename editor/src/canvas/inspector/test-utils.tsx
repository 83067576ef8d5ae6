import {
  getJourneyTemplate,
  type JourneyDefinition,
  type JourneyNode,
  type NodeOfType,
  type NodeType,
} from '@ruta/shared';
import { cleanup, render } from '@testing-library/react';
import { type ReactElement, useState } from 'react';
import { afterEach, beforeAll, type Mock, vi } from 'vitest';
import i18n from '../../i18n/index';
import { EditorProvider } from '../../store/editor-context';
import { createEditorStore } from '../../store/editor-store';
import type { NodeFormProps } from './types';

/** Spanish UI, and a clean document after each test. */
export function setupInspectorTests() {
  beforeAll(async () => {
    await i18n.changeLanguage('es');
  });
  afterEach(cleanup);
}

export function templateDefinition(
  id: 'abandoned_cart' | 'reactivation' | 'signal_fallback',
): JourneyDefinition {
  const template = getJourneyTemplate(id);
  if (!template) throw new Error(`template ${id} is missing`);
  return template.definition;
}

export function nodeOf<T extends NodeType>(
  definition: JourneyDefinition,
  id: string,
  type: T,
): NodeOfType<T> {
  const node = definition.nodes[id];
  if (node?.type !== type) throw new Error(`${id} is not a ${type} step`);
  return node as NodeOfType<T>;
}

/**
 * Renders a form the way the inspector does, keeping the node in state so edits chain; `last()`
 * is the node of the latest onChange.
 */
export function renderForm<T extends NodeType>(
  Form: (props: NodeFormProps<T>) => ReactElement,
  definition: JourneyDefinition,
  id: string,
) {
  const onChange: Mock<(node: NodeOfType<T>) => void> = vi.fn();
  function Harness() {
    const [node, setNode] = useState(definition.nodes[id] as NodeOfType<T>);
    const current: JourneyDefinition = {
      ...definition,
      nodes: { ...definition.nodes, [id]: node as JourneyNode },
    };
    return (
      <Form
        id={id}
        node={node}
        definition={current}
        readOnly={false}
        onChange={(next) => {
          onChange(next);
          setNode(next);
        }}
      />
    );
  }
  const result = render(<Harness />);
  const last = (): NodeOfType<T> => {
    const call = onChange.mock.lastCall;
    if (!call) throw new Error('onChange was not called');
    return call[0];
  };
  return { ...result, onChange, last };
}

/** Renders inside a real editor store (for the trigger form and the inspector itself). */
export function renderWithStore(
  ui: ReactElement,
  definition: JourneyDefinition,
  selectedId: string | null = null,
) {
  const store = createEditorStore({ journeyId: 'j_test', definition, layout: {} });
  if (selectedId) store.getState().select(selectedId);
  const result = render(<EditorProvider store={store}>{ui}</EditorProvider>);
  return { ...result, store };
}
