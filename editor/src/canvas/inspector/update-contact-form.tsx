import { type Channel, type ConsentChange, channelNames } from '@ruta/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChipsInput } from './chips-input';
import { Field, Section } from './field';
import { journeyAttributes } from './journey-variables';
import { KeyValueRows } from './key-value-rows';
import { CHANNELS } from './send-channels';
import { StepFields } from './step-fields';
import { type Scalar, TypedValueInput } from './typed-value';
import type { NodeFormProps } from './types';

type ConsentChoice = 'keep' | 'grant' | 'revoke';

/** Sets consent for one channel ('keep' drops its change), keeping the other changes in order. */
export function withConsent(
  consent: readonly ConsentChange[],
  channel: Channel,
  choice: ConsentChoice,
): ConsentChange[] {
  const others = consent.filter((change) => change.channel !== channel);
  if (choice === 'keep') return others;
  const change = { channel, granted: choice === 'grant' };
  const index = consent.findIndex((c) => c.channel === channel);
  return index < 0
    ? [...others, change]
    : [...others.slice(0, index), change, ...others.slice(index)];
}

/** Update the contact: attributes to set or clear, tags to add or remove, consent per channel. */
export function UpdateContactForm(props: NodeFormProps<'update_contact'>) {
  const { node, definition, onChange } = props;
  const { t } = useTranslation();
  const attributes = useMemo(() => journeyAttributes(definition), [definition]);
  return (
    <>
      <StepFields {...props} />
      <Section title={t('inspector.attributes')}>
        <KeyValueRows<Scalar>
          legend={t('inspector.set')}
          record={node.set}
          newValue=""
          keyLabel={t('inspector.attribute')}
          valueLabel={t('inspector.value')}
          keySuggestions={attributes}
          addLabel={t('inspector.addAttribute')}
          onChange={(set) => onChange({ ...node, set })}
          renderValue={({ id, label, value, onChange: change }) => (
            <div>
              <label className="sr-only" htmlFor={id}>
                {label}
              </label>
              <TypedValueInput
                id={id}
                label={label}
                value={value}
                onChange={(next) => {
                  if (next !== undefined) change(next);
                }}
              />
            </div>
          )}
        />
        <p className="help">{t('inspector.setHelp')}</p>
        <ChipsInput
          label={t('inspector.unset')}
          values={node.unset}
          suggestions={attributes}
          onChange={(unset) => onChange({ ...node, unset })}
        />
      </Section>
      <Section title={t('inspector.tags')}>
        <ChipsInput
          label={t('inspector.addTags')}
          values={node.addTags}
          placeholder="vip"
          onChange={(addTags) => onChange({ ...node, addTags })}
        />
        <ChipsInput
          label={t('inspector.removeTags')}
          values={node.removeTags}
          onChange={(removeTags) => onChange({ ...node, removeTags })}
        />
      </Section>
      <Section title={t('inspector.consent')}>
        <div className="consent-grid">
          {CHANNELS.map((channel) => {
            const change = node.consent.find((c) => c.channel === channel);
            const choice: ConsentChoice = change ? (change.granted ? 'grant' : 'revoke') : 'keep';
            return (
              <Field key={channel} label={channelNames[channel]} className="consent-row">
                {(control) => (
                  <select
                    {...control}
                    className={`input consent-${choice}`}
                    value={choice}
                    onChange={(e) =>
                      onChange({
                        ...node,
                        consent: withConsent(
                          node.consent,
                          channel,
                          e.target.value as ConsentChoice,
                        ),
                      })
                    }
                  >
                    <option value="keep">{t('inspector.consentKeep')}</option>
                    <option value="grant">{t('inspector.consentGrant')}</option>
                    <option value="revoke">{t('inspector.consentRevoke')}</option>
                  </select>
                )}
              </Field>
            );
          })}
        </div>
      </Section>
    </>
  );
}
