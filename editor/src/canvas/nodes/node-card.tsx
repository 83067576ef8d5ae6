import { nodeKinds, nodeSummary, portLabel, triggerSummary } from '@ruta/shared';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n/index';
import type { JourneyFlowNode } from '../../store/convert';
import { useEditor } from '../../store/editor-context';
import { useNodeStats } from '../analytics-overlay';
import { kindIcon } from '../kinds/index';
import { cardWidth } from './card-size';

/** The card every step is drawn with: kind, name, summary, problems, and one labelled handle per output. */
function NodeCardImpl({ id, data, selected }: NodeProps<JourneyFlowNode>) {
  const { t } = useTranslation();
  const lang = currentLang();
  const definition = useEditor((s) => s.definition);
  const highlighted = useEditor((s) => s.highlight.includes(id));
  const current = useEditor((s) => s.highlight.at(-1) === id);
  const stats = useNodeStats(id);
  const kind = data.kind;
  const title =
    kind === 'trigger' ? t('editor.trigger') : data.node?.name || nodeKinds[kind].label[lang];
  const summary =
    kind === 'trigger'
      ? data.trigger
        ? triggerSummary(data.trigger)[lang]
        : ''
      : data.node
        ? nodeSummary(data.node)[lang]
        : '';
  const Icon = kindIcon(kind);
  const classes = [
    'journey-node',
    `kind-${kind}`,
    selected ? 'selected' : '',
    highlighted ? 'highlighted' : '',
    current ? 'current' : '',
    data.problems.length ? 'has-problems' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      style={{ width: cardWidth(kind, data.ports.length) }}
      data-testid={`node-${id}`}
    >
      {kind !== 'trigger' && <Handle type="target" position={Position.Top} className="handle-in" />}
      <div className="journey-node-head">
        <span className="journey-node-icon" aria-hidden>
          <Icon size={14} strokeWidth={2.4} />
        </span>
        <span className="journey-node-title" title={title}>
          {title}
        </span>
        {data.problems.length > 0 && (
          <span
            className="problem-badge"
            title={data.problems.map((p) => p.message[lang]).join('\n')}
            data-testid={`problems-${id}`}
          >
            {data.problems.length}
          </span>
        )}
      </div>
      <div className="journey-node-summary" title={summary}>
        {summary}
      </div>
      {stats && (
        <div className="journey-node-stats" data-testid={`stats-${id}`}>
          <strong>{stats.entered}</strong>
          {stats.extra && <span> · {stats.extra}</span>}
        </div>
      )}
      {data.ports.length > 0 && (
        <div className="journey-node-ports">
          {data.ports.map((port) => {
            const label =
              kind === 'trigger' || !data.node ? '' : portLabel(data.node, port, definition)[lang];
            return (
              <div className="port" key={port}>
                <span className="journey-port-label" title={label}>
                  {label}
                </span>
                <Handle
                  type="source"
                  id={port}
                  position={Position.Bottom}
                  className="handle-out"
                  data-port={port}
                  aria-label={label || port}
                />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

export const NodeCard = memo(NodeCardImpl);
