import { nodeKinds } from '@ruta/shared';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/index';
import { useEditor } from '../store/editor-context';

/** Every problem of the draft; clicking one selects its step and brings it into view. */
export function ProblemsPanel() {
  const { t } = useTranslation();
  const problems = useEditor((s) => s.problems);
  const layout = useEditor((s) => s.layout);
  const nodes = useEditor((s) => s.definition.nodes);
  const select = useEditor((s) => s.select);
  const flow = useReactFlow();
  const [open, setOpen] = useState(false);
  const lang = currentLang();
  // A step by the name its card shows, never by its id.
  const stepName = (id: string) => {
    if (id === 'trigger') return t('editor.trigger');
    const node = nodes[id];
    return node ? node.name || nodeKinds[node.type].label[lang] : id;
  };
  if (problems.length === 0) return null;
  return (
    <section
      className={open ? 'problems-panel open' : 'problems-panel'}
      aria-label={t('validation.title')}
      data-testid="problems-panel"
    >
      <button
        type="button"
        className="problems-toggle"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
      >
        ⚠ {t('editor.problems', { count: problems.length })}
      </button>
      {open && (
        <ul>
          {problems.map((p) => (
            <li key={`${p.code}-${p.nodeId}-${p.path.join('.')}`}>
              <button
                type="button"
                onClick={() => {
                  if (!p.nodeId) return;
                  select(p.nodeId);
                  const at = layout[p.nodeId];
                  const size = flow.getNode(p.nodeId)?.measured;
                  if (at)
                    void flow.setCenter(
                      at.x + (size?.width ?? 0) / 2,
                      at.y + (size?.height ?? 0) / 2,
                      {
                        zoom: 1,
                        duration: 300,
                      },
                    );
                }}
                title={t('validation.clickToFocus')}
              >
                {p.nodeId && <strong>{stepName(p.nodeId)}:</strong>} {p.message[lang]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
