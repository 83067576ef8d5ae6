import { type BranchCase, ELSE_PORT, portLabel } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { ConditionList } from './condition-builder';
import { Field, Section } from './field';
import { moveAt, removeAt, replaceAt } from './list';
import { PortInput } from './port-input';
import { slugify, uniquePort } from './ports';
import { StepFields } from './step-fields';
import type { NodeFormProps } from './types';
import { useLang } from './use-lang';
import { useRowKeys } from './use-row-keys';

/** The port a case gets from its label, while the marketer has not named the port by hand. */
function autoPort(label: string | undefined, others: readonly string[], index: number): string {
  return uniquePort(slugify(label ?? '') || `case_${index + 1}`, [...others, ELSE_PORT]);
}

function isAutoPort(item: BranchCase, others: readonly string[], index: number): boolean {
  return item.port === autoPort(item.label, others, index) || /^case_\d+$/.test(item.port);
}

/** Branch: ordered cases (first that holds wins), each with conditions; "otherwise" comes last. */
export function BranchForm(props: NodeFormProps<'branch'>) {
  const { node, definition, onChange } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const rows = useRowKeys(node.cases.length);
  const cases = node.cases;
  const setCases = (next: BranchCase[]) => onChange({ ...node, cases: next });
  const othersOf = (index: number) => cases.filter((_, i) => i !== index).map((c) => c.port);

  return (
    <>
      <StepFields {...props} />
      <Section title={t('inspector.cases')} path={['cases']}>
        <p className="help">{t('inspector.casesHelp')}</p>
        <ol className="case-list">
          {cases.map((item, index) => {
            const others = othersOf(index);
            const setCase = (next: BranchCase) => setCases(replaceAt(cases, index, next));
            return (
              <li key={rows.keys[index]} className="case-card">
                <div className="card-head">
                  <span className="card-title">{t('inspector.caseN', { n: index + 1 })}</span>
                  <span className="port-label">
                    → {portLabel(node, item.port)[lang] || item.port}
                  </span>
                  <span className="card-actions">
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm icon-btn"
                      aria-label={t('inspector.moveUp', {
                        item: t('inspector.caseN', { n: index + 1 }),
                      })}
                      disabled={index === 0}
                      onClick={() => {
                        rows.moved(index, -1);
                        setCases(moveAt(cases, index, -1));
                      }}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm icon-btn"
                      aria-label={t('inspector.moveDown', {
                        item: t('inspector.caseN', { n: index + 1 }),
                      })}
                      disabled={index === cases.length - 1}
                      onClick={() => {
                        rows.moved(index, 1);
                        setCases(moveAt(cases, index, 1));
                      }}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm icon-btn"
                      aria-label={t('inspector.removeCase', { n: index + 1 })}
                      disabled={cases.length <= 1}
                      onClick={() => {
                        rows.removed(index);
                        setCases(removeAt(cases, index));
                      }}
                    >
                      ×
                    </button>
                  </span>
                </div>
                <div className="grid-2">
                  <Field label={t('inspector.caseLabel')} path={['cases', index, 'label']}>
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        maxLength={80}
                        value={item.label ?? ''}
                        onChange={(e) => {
                          const label = e.target.value;
                          const port = isAutoPort(item, others, index)
                            ? autoPort(label, others, index)
                            : item.port;
                          const { label: _old, ...rest } = item;
                          setCase(label === '' ? { ...rest, port } : { ...rest, label, port });
                        }}
                      />
                    )}
                  </Field>
                  <Field label={t('inspector.port')} path={['cases', index, 'port']}>
                    {(control) => (
                      <PortInput
                        control={control}
                        value={item.port}
                        onChange={(port) => setCase({ ...item, port })}
                      />
                    )}
                  </Field>
                </div>
                <ConditionList
                  legend={t('inspector.allMustHold')}
                  conditions={item.conditions}
                  minItems={1}
                  sources={['contact', 'event', 'engagement']}
                  definition={definition}
                  path={['cases', index, 'conditions']}
                  onChange={(conditions) => setCase({ ...item, conditions })}
                />
              </li>
            );
          })}
          <li className="case-card case-else">
            <div className="card-head">
              <span className="card-title">{t('inspector.otherwise')}</span>
              <span className="port-label">→ {portLabel(node, ELSE_PORT)[lang]}</span>
            </div>
            <p className="help">{t('inspector.otherwiseHelp')}</p>
          </li>
        </ol>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() =>
            setCases([
              ...cases,
              {
                port: autoPort(
                  '',
                  cases.map((c) => c.port),
                  cases.length,
                ),
                conditions: [{ source: 'contact', field: '', op: 'eq', value: '' }],
              },
            ])
          }
        >
          + {t('inspector.addCase')}
        </button>
      </Section>
    </>
  );
}
