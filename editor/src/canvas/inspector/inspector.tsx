import {
  type JourneyNode,
  nodeKinds,
  nodeSummary,
  outputPortsOf,
  TRIGGER_NODE_ID,
  triggerSummary,
  type ValidationProblem,
} from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editor-context';
import { NodeForm } from './node-form';
import { OutputsSection } from './outputs-section';
import { followRenames, renamedPorts } from './port-renames';
import { ProblemsProvider } from './problems-context';
import { TriggerForm } from './trigger-form';
import { useLang } from './use-lang';
import './inspector.css';

const TRIGGER_BASE = ['trigger'];

/** The right-hand panel: the selected step's form, its problems and its outputs. */
export function Inspector() {
  const { t } = useTranslation();
  const lang = useLang();
  const selectedId = useEditor((s) => s.selectedId);
  const definition = useEditor((s) => s.definition);
  const readOnly = useEditor((s) => s.readOnly);
  const updateNode = useEditor((s) => s.updateNode);
  const connect = useEditor((s) => s.connect);
  const deleteNodes = useEditor((s) => s.deleteNodes);
  const select = useEditor((s) => s.select);
  const problems = useEditor((s) => s.problems);

  if (!selectedId) return <EmptyInspector />;
  const mine = problems.filter((p) => p.nodeId === selectedId);

  if (selectedId === TRIGGER_NODE_ID) {
    return (
      <aside className="inspector" aria-label="inspector">
        <Header
          kind="trigger"
          title={t('editor.trigger')}
          summary={triggerSummary(definition.trigger)[lang]}
        />
        <ProblemList problems={mine} />
        <ProblemsProvider problems={problems} base={TRIGGER_BASE}>
          <TriggerForm />
        </ProblemsProvider>
      </aside>
    );
  }

  const node = definition.nodes[selectedId];
  if (!node) return <EmptyInspector />;

  // Renaming an output keeps its arrow (and its "ends here" mark) instead of dropping it.
  const change = (next: JourneyNode) => {
    const renames = renamedPorts(outputPortsOf(node), outputPortsOf(next));
    const exitPorts = followRenames(next.exitPorts, renames);
    updateNode(selectedId, exitPorts ? { ...next, exitPorts } : next);
    for (const { from, to } of renames) {
      const edge = definition.edges.find((e) => e.source === selectedId && e.sourcePort === from);
      if (edge) connect(selectedId, to, edge.target);
    }
  };

  return (
    <aside className="inspector" aria-label="inspector">
      <Header
        kind={node.type}
        title={nodeKinds[node.type].label[lang]}
        summary={nodeSummary(node)[lang]}
        id={selectedId}
      />
      <ProblemList problems={mine} />
      <ProblemsProvider problems={mine} base={['nodes', selectedId]}>
        <NodeForm
          key={selectedId}
          id={selectedId}
          node={node}
          definition={definition}
          onChange={change}
          readOnly={readOnly}
        />
        {!readOnly && (
          <OutputsSection
            id={selectedId}
            node={node}
            definition={definition}
            onChange={change}
            onSelect={select}
          />
        )}
      </ProblemsProvider>
      {!readOnly && (
        <div className="inspector-foot">
          <button
            type="button"
            className="btn btn-danger btn-sm"
            onClick={() => deleteNodes([selectedId])}
          >
            {t('editor.deleteNode')}
          </button>
        </div>
      )}
    </aside>
  );
}

function EmptyInspector() {
  const { t } = useTranslation();
  return (
    <aside className="inspector inspector-empty" aria-label="inspector">
      <p>{t('editor.inspectorEmpty')}</p>
    </aside>
  );
}

function Header({
  kind,
  title,
  summary,
  id,
}: {
  kind: string;
  title: string;
  summary: string;
  id?: string;
}) {
  return (
    <header className="inspector-head">
      <div className="inspector-title">
        <span
          className={`kind-dot kind-${kind}`}
          style={{ background: `var(--k-${kind})` }}
          aria-hidden="true"
        />
        {/* The step's id is for integrators (API, exports): a tooltip, not a word on the screen. */}
        <h2 title={id}>{title}</h2>
      </div>
      <p className="inspector-summary">{summary}</p>
    </header>
  );
}

function ProblemList({ problems }: { problems: ValidationProblem[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (problems.length === 0) return null;
  const messages = [...new Set(problems.map((p) => p.message[lang]))];
  return (
    <div className="inspector-problems" role="alert">
      <p className="inspector-problems-title">{t('editor.problems', { count: messages.length })}</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
