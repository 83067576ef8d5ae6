import {
  DEFAULT_HANDOFF_TIMEOUT,
  HANDOFF_RESULTS,
  type HandoffNode,
  TIMEOUT_PORT,
} from '@ruta/shared';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DurationInput } from './duration-input';
import { Field, Section } from './field';
import { journeyVariables } from './journey-variables';
import { LiquidScope, LiquidText } from './liquid-scope';
import { StepFields } from './step-fields';
import type { NodeFormProps } from './types';
import { VariablePicker } from './variable-picker';

const QUEUES = ['ventas', 'soporte', 'atencion', 'cobranza'];

const WAITING_PORTS: string[] = [...HANDOFF_RESULTS, TIMEOUT_PORT];

/**
 * Starts or stops waiting for the agent. The outputs change (`next` ↔ the results and
 * `timeout`); the store connects the new ones where the old went, and an output that ended the
 * run keeps ending it.
 */
export function withWaiting(node: HandoffNode, waits: boolean): HandoffNode {
  const { waitForAgent: _w, timeout: _t, exitPorts, ...rest } = node;
  const ended = exitPorts?.length ? exitPorts : undefined;
  if (!waits) return { ...rest, ...(ended ? { exitPorts: ['next'] } : {}) };
  return {
    ...rest,
    waitForAgent: true,
    timeout: node.timeout ?? { ...DEFAULT_HANDOFF_TIMEOUT },
    ...(ended ? { exitPorts: WAITING_PORTS } : {}),
  };
}

/**
 * Hand off to a person: the team's queue, a note (Liquid) for whoever picks it up, and whether
 * the run waits for the agent to close the conversation (then goes on by its result).
 */
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
      <Section title={t('inspector.handoffWait')}>
        <div className="field check-field">
          <label>
            <input
              type="checkbox"
              checked={node.waitForAgent === true}
              disabled={props.readOnly}
              onChange={(e) => onChange(withWaiting(node, e.target.checked))}
            />{' '}
            {t('inspector.handoffWaitOn')}
          </label>
          <p className="help">
            {t(node.waitForAgent ? 'inspector.handoffWaitHelpOn' : 'inspector.handoffWaitHelpOff')}
          </p>
        </div>
        {node.waitForAgent && (
          <DurationInput
            legend={t('inspector.handoffTimeout')}
            help={t('inspector.handoffTimeoutHelp')}
            path={['timeout']}
            min={1}
            value={node.timeout ?? DEFAULT_HANDOFF_TIMEOUT}
            onChange={(timeout) => onChange({ ...node, timeout })}
          />
        )}
      </Section>
    </>
  );
}
