import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Section } from './field';
import { journeyVariables } from './journey-variables';
import { LiquidScope, LiquidText } from './liquid-scope';
import { StepFields } from './step-fields';
import type { NodeFormProps } from './types';
import { VariablePicker } from './variable-picker';

const QUEUES = ['ventas', 'soporte', 'atencion', 'cobranza'];

/** Hand off to a person: the team's queue and a note (Liquid) for whoever picks it up. */
export function HandoffForm(props: NodeFormProps<'handoff'>) {
  const { node, definition, onChange } = props;
  const { t } = useTranslation();
  const listId = useId();
  const variables = useMemo(() => journeyVariables(definition), [definition]);
  const queues = [
    ...new Set([
      ...QUEUES,
      ...Object.values(definition.nodes).flatMap((n) => (n.type === 'handoff' ? [n.queue] : [])),
    ]),
  ];
  return (
    <>
      <StepFields {...props} />
      <LiquidScope>
        <Section title={t('inspector.handoff')} actions={<VariablePicker variables={variables} />}>
          <Field label={t('inspector.queue')} help={t('inspector.queueHelp')} path={['queue']}>
            {(control) => (
              <>
                <input
                  {...control}
                  className="input"
                  list={listId}
                  value={node.queue}
                  onChange={(e) => onChange({ ...node, queue: e.target.value })}
                />
                <datalist id={listId}>
                  {queues.map((queue) => (
                    <option key={queue} value={queue} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label={t('inspector.note')} path={['note']}>
            {(control) => (
              <LiquidText
                {...control}
                multiline
                rows={4}
                targetLabel={t('inspector.note')}
                value={node.note ?? ''}
                onChange={(note) => {
                  const { note: _old, ...rest } = node;
                  onChange(note === '' ? rest : { ...rest, note });
                }}
              />
            )}
          </Field>
        </Section>
      </LiquidScope>
    </>
  );
}
