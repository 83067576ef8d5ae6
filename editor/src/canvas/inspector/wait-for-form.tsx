import {
  channelNames,
  portLabel,
  TIMEOUT_PORT,
  type WaitSignal,
  type WaitSignalKind,
} from '@ruta/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DurationInput } from './duration-input';
import { Field, Section } from './field';
import { journeyAttributes, journeyEvents } from './journey-variables';
import { moveAt, removeAt, replaceAt } from './list';
import { SIGNAL_KINDS, SignalFields } from './signal-card';
import { StepFields } from './step-fields';
import type { NodeFormProps } from './types';
import { useLang } from './use-lang';
import { useRowKeys } from './use-row-keys';
import { autoSignalPort, buttonChoices, signalOfKind, updateSignal } from './wait-signals';

/** Wait for a signal: which message, the signals (one output each) and the required timeout. */
export function WaitForForm(props: NodeFormProps<'wait_for'>) {
  const { id, node, definition, onChange } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const rows = useRowKeys(node.signals.length);
  const [newKind, setNewKind] = useState<WaitSignalKind>('reply');
  const signals = node.signals;
  const sends = Object.entries(definition.nodes).filter(([, n]) => n.type === 'send');
  const buttons = useMemo(() => buttonChoices(id, node, definition), [id, node, definition]);
  const attributes = useMemo(() => journeyAttributes(definition), [definition]);
  const events = useMemo(() => journeyEvents(definition), [definition]);
  const setSignals = (next: WaitSignal[]) => onChange({ ...node, signals: next });
  const portsExcept = (index: number) => signals.filter((_, i) => i !== index).map((s) => s.port);

  return (
    <>
      <StepFields {...props} />
      <Section title={t('inspector.message')}>
        <Field
          label={t('inspector.messageNode')}
          help={t('inspector.messageNodeHelp')}
          path={['messageNodeId']}
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={node.messageNodeId ?? ''}
              onChange={(e) => {
                const { messageNodeId: _old, ...rest } = node;
                onChange(e.target.value ? { ...rest, messageNodeId: e.target.value } : rest);
              }}
            >
              <option value="">{t('inspector.lastSend')}</option>
              {node.messageNodeId && !definition.nodes[node.messageNodeId] && (
                <option value={node.messageNodeId}>{node.messageNodeId}</option>
              )}
              {sends.map(([sendId, send]) => (
                <option key={sendId} value={sendId}>
                  {`${send.name ?? sendId} · ${send.type === 'send' ? channelNames[send.channel] : ''}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Section>
      <Section title={t('inspector.signals')} path={['signals']}>
        <ol className="case-list">
          {signals.map((signal, index) => {
            const others = portsExcept(index);
            const n = index + 1;
            const what = t('inspector.signalN', { n });
            return (
              <li key={rows.keys[index]} className="case-card">
                <div className="card-head">
                  <span className="card-title">{what}</span>
                  <span className="port-label">
                    → {portLabel(node, signal.port, definition)[lang]}
                  </span>
                  <span className="card-actions">
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm icon-btn"
                      aria-label={t('inspector.moveUp', { item: what })}
                      disabled={index === 0}
                      onClick={() => {
                        rows.moved(index, -1);
                        setSignals(moveAt(signals, index, -1));
                      }}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm icon-btn"
                      aria-label={t('inspector.moveDown', { item: what })}
                      disabled={index === signals.length - 1}
                      onClick={() => {
                        rows.moved(index, 1);
                        setSignals(moveAt(signals, index, 1));
                      }}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm icon-btn"
                      aria-label={t('inspector.removeSignal', { n })}
                      disabled={signals.length <= 1}
                      onClick={() => {
                        rows.removed(index);
                        setSignals(removeAt(signals, index));
                      }}
                    >
                      ×
                    </button>
                  </span>
                </div>
                <SignalFields
                  signal={signal}
                  path={['signals', index]}
                  buttons={buttons}
                  attributes={attributes}
                  events={events}
                  definition={definition}
                  onKind={(kind) => {
                    const auto = signal.port === autoSignalPort(signal, others);
                    const fresh = signalOfKind(kind, signal.port);
                    setSignals(
                      replaceAt(
                        signals,
                        index,
                        auto ? { ...fresh, port: autoSignalPort(fresh, others) } : fresh,
                      ),
                    );
                  }}
                  onChange={(next) =>
                    setSignals(replaceAt(signals, index, updateSignal(signal, next, others)))
                  }
                />
              </li>
            );
          })}
        </ol>
        <div className="row">
          <label className="sr-only" htmlFor={`${id}-new-signal`}>
            {t('inspector.newSignalKind')}
          </label>
          <select
            id={`${id}-new-signal`}
            className="input insp-auto"
            value={newKind}
            onChange={(e) => setNewKind(e.target.value as WaitSignalKind)}
          >
            {SIGNAL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`inspector.signalKinds.${kind}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              const fresh = signalOfKind(newKind, '');
              const ports = signals.map((s) => s.port);
              setSignals([...signals, { ...fresh, port: autoSignalPort(fresh, ports) }]);
            }}
          >
            + {t('inspector.addSignal')}
          </button>
        </div>
      </Section>
      <Section title={t('inspector.timeoutSection')}>
        <DurationInput
          legend={t('inspector.timeout')}
          value={node.timeout}
          path={['timeout']}
          min={0}
          onChange={(timeout) => onChange({ ...node, timeout })}
        />
        <p className="port-label">
          → {portLabel(node, TIMEOUT_PORT, definition)[lang]} <code>{TIMEOUT_PORT}</code>
        </p>
      </Section>
    </>
  );
}
