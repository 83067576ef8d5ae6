import type { WaitUntil } from '@ruta/shared';
import { useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DurationInput } from './duration-input';
import { Field, Section } from './field';
import { journeyAttributes } from './journey-variables';
import { NumberInput } from './number-input';
import { StepFields } from './step-fields';
import type { NodeFormProps } from './types';
import { WeekdayToggles } from './weekday-toggles';

type WaitKind = WaitUntil['kind'];
const KINDS: WaitKind[] = ['duration', 'time_of_day', 'date_attribute', 'whatsapp_window'];

const defaults: { [K in WaitKind]: Extract<WaitUntil, { kind: K }> } = {
  duration: { kind: 'duration', duration: { amount: 1, unit: 'days' } },
  time_of_day: { kind: 'time_of_day', time: '10:00' },
  date_attribute: { kind: 'date_attribute', attribute: '', offset: { amount: -1, unit: 'days' } },
  whatsapp_window: { kind: 'whatsapp_window', hoursBefore: 2 },
};

/** Wait: a duration, a time of day, a contact's date ± offset, or before the WhatsApp window closes. */
export function WaitForm(props: NodeFormProps<'wait'>) {
  const { node, onChange } = props;
  const { t } = useTranslation();
  const until = node.until;
  // Settings of the other kinds, so switching back and forth loses nothing.
  const previous = useRef<Partial<Record<WaitKind, WaitUntil>>>({});
  const attributes = useMemo(() => journeyAttributes(props.definition), [props.definition]);
  const setUntil = (next: WaitUntil) => onChange({ ...node, until: next });
  return (
    <>
      <StepFields {...props} />
      <Section title={t('inspector.waitUntil')}>
        <Field label={t('inspector.waitKind')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={until.kind}
              onChange={(e) => {
                const kind = e.target.value as WaitKind;
                previous.current[until.kind] = until;
                setUntil(previous.current[kind] ?? defaults[kind]);
              }}
            >
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`inspector.waitKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <UntilFields until={until} onChange={setUntil} attributes={attributes} />
      </Section>
    </>
  );
}

function UntilFields({
  until,
  onChange,
  attributes,
}: {
  until: WaitUntil;
  onChange: (until: WaitUntil) => void;
  attributes: string[];
}) {
  const { t } = useTranslation();
  const listId = useId();
  switch (until.kind) {
    case 'duration':
      return (
        <DurationInput
          legend={t('inspector.duration')}
          value={until.duration}
          path={['until', 'duration']}
          onChange={(duration) => onChange({ ...until, duration })}
        />
      );
    case 'time_of_day':
      return (
        <>
          <Field
            label={t('inspector.timeOfDay')}
            help={t('inspector.timeOfDayHelp')}
            path={['until', 'time']}
          >
            {(control) => (
              <input
                {...control}
                type="time"
                className="input insp-time"
                value={until.time}
                onChange={(e) => onChange({ ...until, time: e.target.value })}
              />
            )}
          </Field>
          <WeekdayToggles
            legend={t('inspector.weekdays')}
            value={until.weekdays}
            onChange={(weekdays) => {
              const { weekdays: _old, ...rest } = until;
              onChange(weekdays ? { ...rest, weekdays } : rest);
            }}
          />
        </>
      );
    case 'date_attribute': {
      const before = until.offset.amount < 0;
      return (
        <>
          <Field
            label={t('inspector.attribute')}
            help={t('inspector.dateAttributeHelp')}
            path={['until', 'attribute']}
          >
            {(control) => (
              <input
                {...control}
                className="input mono"
                list={listId}
                placeholder="renewal_at"
                value={until.attribute}
                onChange={(e) => onChange({ ...until, attribute: e.target.value.trim() })}
              />
            )}
          </Field>
          <datalist id={listId}>
            {attributes.map((attribute) => (
              <option key={attribute} value={attribute} />
            ))}
          </datalist>
          <Field label={t('inspector.offsetDirection')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={before ? 'before' : 'after'}
                onChange={(e) => {
                  const amount = Math.abs(until.offset.amount);
                  onChange({
                    ...until,
                    offset: {
                      ...until.offset,
                      amount: e.target.value === 'before' ? -amount : amount,
                    },
                  });
                }}
              >
                <option value="before">{t('inspector.offsetBefore')}</option>
                <option value="after">{t('inspector.offsetAfter')}</option>
              </select>
            )}
          </Field>
          <DurationInput
            legend={t('inspector.offset')}
            value={{ amount: Math.abs(until.offset.amount), unit: until.offset.unit }}
            path={['until', 'offset']}
            onChange={(offset) =>
              onChange({
                ...until,
                offset: {
                  unit: offset.unit,
                  amount: before ? -Math.abs(offset.amount) : Math.abs(offset.amount),
                },
              })
            }
          />
        </>
      );
    }
    case 'whatsapp_window':
      return (
        <Field
          label={t('inspector.hoursBefore')}
          help={t('inspector.whatsappWindowHelp')}
          path={['until', 'hoursBefore']}
        >
          {(control) => (
            <NumberInput
              {...control}
              min={1}
              max={23}
              step={1}
              value={until.hoursBefore}
              onChange={(hoursBefore) => {
                if (hoursBefore !== undefined) onChange({ ...until, hoursBefore });
              }}
            />
          )}
        </Field>
      );
  }
}
