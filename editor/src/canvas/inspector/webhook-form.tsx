import type { WebhookNode } from '@ruta/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Section } from './field';
import { journeyVariables } from './journey-variables';
import { KeyValueRows } from './key-value-rows';
import { LiquidScope, LiquidText } from './liquid-scope';
import { NumberInput } from './number-input';
import { StepFields } from './step-fields';
import type { NodeFormProps } from './types';
import { VariablePicker } from './variable-picker';

const METHODS: WebhookNode['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Webhook: an HTTP call with templated URL, headers and body; the answer can be kept on the run. */
export function WebhookForm(props: NodeFormProps<'webhook'>) {
  const { node, definition, onChange } = props;
  const { t } = useTranslation();
  const variables = useMemo(() => journeyVariables(definition), [definition]);
  return (
    <>
      <StepFields {...props} />
      <LiquidScope>
        <Section title={t('inspector.request')} actions={<VariablePicker variables={variables} />}>
          <div className="grid-method-url">
            <Field label={t('inspector.method')} path={['method']}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={node.method}
                  onChange={(e) =>
                    onChange({ ...node, method: e.target.value as WebhookNode['method'] })
                  }
                >
                  {METHODS.map((method) => (
                    <option key={method} value={method}>
                      {method}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('inspector.url')} path={['url']}>
              {(control) => (
                <LiquidText
                  {...control}
                  type="url"
                  className="input mono"
                  placeholder="https://"
                  targetLabel={t('inspector.url')}
                  value={node.url}
                  onChange={(url) => onChange({ ...node, url })}
                />
              )}
            </Field>
          </div>
          <KeyValueRows<string>
            legend={t('inspector.headers')}
            record={node.headers}
            newValue=""
            keyLabel={t('inspector.headerName')}
            valueLabel={t('inspector.headerValue')}
            keySuggestions={['Authorization', 'Content-Type', 'X-Api-Key']}
            addLabel={t('inspector.addHeader')}
            onChange={(headers) => onChange({ ...node, headers })}
            renderValue={({ id, label, value, onChange: change }) => (
              <div>
                <label className="sr-only" htmlFor={id}>
                  {label}
                </label>
                <LiquidText
                  id={id}
                  className="input mono"
                  targetLabel={label}
                  value={value}
                  onChange={change}
                />
              </div>
            )}
          />
          <Field label={t('inspector.body')} help={t('inspector.bodyHelp')} path={['body']}>
            {(control) => (
              <LiquidText
                {...control}
                multiline
                rows={5}
                className="input mono"
                spellCheck={false}
                targetLabel={t('inspector.body')}
                value={node.body ?? ''}
                onChange={(body) => {
                  const { body: _old, ...rest } = node;
                  onChange(body === '' ? rest : { ...rest, body });
                }}
              />
            )}
          </Field>
        </Section>
      </LiquidScope>
      <Section title={t('inspector.response')}>
        <div className="grid-2">
          <Field label={t('inspector.timeoutMs')} path={['timeoutMs']}>
            {(control) => (
              <NumberInput
                {...control}
                min={100}
                max={30000}
                step={100}
                value={node.timeoutMs}
                onChange={(timeoutMs) => {
                  if (timeoutMs !== undefined) onChange({ ...node, timeoutMs });
                }}
              />
            )}
          </Field>
          <Field label={t('inspector.saveResponseAs')} path={['saveResponseAs']}>
            {(control) => (
              <input
                {...control}
                className="input mono"
                placeholder="crm_lead"
                value={node.saveResponseAs ?? ''}
                onChange={(e) => {
                  const { saveResponseAs: _old, ...rest } = node;
                  const value = e.target.value.trim();
                  onChange(value ? { ...rest, saveResponseAs: value } : rest);
                }}
              />
            )}
          </Field>
        </div>
        <p className="help">{t('inspector.webhookOutputsHelp')}</p>
      </Section>
    </>
  );
}
