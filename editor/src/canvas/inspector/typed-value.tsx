import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberInput } from './number-input';

export type Scalar = string | number | boolean;
type ValueType = 'text' | 'number' | 'boolean';

function typeOf(value: Scalar | undefined): ValueType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

/** Converts a value when the marketer changes its type: "12" ↔ 12, "true"/"sí" → true. */
export function convertValue(value: Scalar | undefined, type: ValueType): Scalar | undefined {
  switch (type) {
    case 'text':
      return value === undefined ? '' : String(value);
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      return value !== undefined && value !== '' && Number.isFinite(number) ? number : 0;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return ['true', 'si', 'sí', 'yes', '1'].includes(String(value ?? '').toLowerCase());
  }
}

/** A value with its type: text, number or yes/no (a condition's value, an attribute to set). */
export function TypedValueInput({
  id: givenId,
  label,
  value,
  onChange,
  list,
  hideLabel,
}: {
  /** The value control's id when a surrounding <Field> already labels it. */
  id?: string;
  label: string;
  value: Scalar | undefined;
  onChange: (value: Scalar | undefined) => void;
  /** Id of a datalist with suggestions for text values. */
  list?: string;
  hideLabel?: boolean;
}) {
  const { t } = useTranslation();
  const ownId = useId();
  const id = givenId ?? ownId;
  // While a number box is empty the value is undefined; the chosen type stays.
  const [chosen, setChosen] = useState<ValueType>(typeOf(value));
  if (value !== undefined && typeOf(value) !== chosen) setChosen(typeOf(value));
  const type = value === undefined ? chosen : typeOf(value);
  return (
    <div className="typed-value">
      {!givenId && (
        <label htmlFor={id} className={hideLabel ? 'sr-only' : 'label'}>
          {label}
        </label>
      )}
      <div className="row">
        {type === 'boolean' && (
          <select
            id={id}
            className="input"
            value={String(value)}
            onChange={(event) => onChange(event.target.value === 'true')}
          >
            <option value="true">{t('common.yes')}</option>
            <option value="false">{t('common.no')}</option>
          </select>
        )}
        {type === 'number' && (
          <NumberInput id={id} value={value as number | undefined} onChange={onChange} />
        )}
        {type === 'text' && (
          <input
            id={id}
            className="input"
            value={value === undefined ? '' : String(value)}
            list={list}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
        <label htmlFor={`${ownId}-type`} className="sr-only">
          {t('inspector.valueType', { field: label })}
        </label>
        <select
          id={`${ownId}-type`}
          className="input insp-type"
          value={type}
          onChange={(event) => {
            const next = event.target.value as ValueType;
            setChosen(next);
            onChange(convertValue(value, next));
          }}
        >
          <option value="text">{t('inspector.valueTypes.text')}</option>
          <option value="number">{t('inspector.valueTypes.number')}</option>
          <option value="boolean">{t('inspector.valueTypes.boolean')}</option>
        </select>
      </div>
    </div>
  );
}
