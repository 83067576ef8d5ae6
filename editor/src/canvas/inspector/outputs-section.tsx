import { type JourneyDefinition, type JourneyNode, outputPortsOf, portLabel } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { Section } from './field';
import { useLang } from './use-lang';

/** Each output of the step: its label, where it leads, or — unconnected — whether the run ends there. */
export function OutputsSection({
  id,
  node,
  definition,
  onChange,
  onSelect,
}: {
  id: string;
  node: JourneyNode;
  definition: JourneyDefinition;
  onChange: (node: JourneyNode) => void;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const ports = outputPortsOf(node);
  if (ports.length === 0) return null;
  const exitPorts = node.exitPorts ?? [];
  const setExit = (port: string, on: boolean) => {
    const next = on ? [...exitPorts, port] : exitPorts.filter((p) => p !== port);
    const { exitPorts: _old, ...rest } = node;
    onChange((next.length > 0 ? { ...rest, exitPorts: next } : rest) as JourneyNode);
  };
  return (
    <Section title={t('inspector.outputs')}>
      <ul className="outputs">
        {ports.map((port) => {
          const edge = definition.edges.find((e) => e.source === id && e.sourcePort === port);
          const target = edge ? definition.nodes[edge.target] : undefined;
          const label = portLabel(node, port, definition)[lang] || port;
          return (
            <li key={port}>
              <span className="output-name">
                {label} {label !== port && <code>{port}</code>}
              </span>
              {edge ? (
                <button
                  type="button"
                  className="btn btn-ghost btn-sm output-target"
                  onClick={() => onSelect(edge.target)}
                >
                  → {target?.name ?? edge.target}
                </button>
              ) : (
                <label className="output-exit">
                  <input
                    type="checkbox"
                    checked={exitPorts.includes(port)}
                    onChange={(e) => setExit(port, e.target.checked)}
                  />{' '}
                  {t('inspector.endsHere')}
                </label>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
