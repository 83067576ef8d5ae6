import type { DurationUnit } from '@ruta/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberInput } from './number-input';
import { useProblemsAt } from './problems-context';

const UNITS: DurationUnit[] = ['minutes', 'hours', 'days', 'seconds'];

export interface DurationValue {
  amount: number;
  unit: DurationUnit;
}

/** Amount + unit, e.g. "24 horas"; an empty amount keeps the last valid duration. */
export function DurationInput({
  legend,
  value,
  onChange,
  path,
  help,
  min = 0,
  disabled,
}: {
  legend: string;
  value: DurationValue;
  onChange: (value: DurationValue) => void;
  /** The duration's place in the form's object; problems on it and its amount show here. */
  path?: (string | number)[];
  help?: string;
  min?: number;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const problems = [...useProblemsAt(path), ...useProblemsAt(path && [...path, 'amount'])];
  return (
    <fieldset className="field insp-duration" aria-describedby={help ? `${id}-help` : undefined}>
      <legend className="label">{legend}</legend>
      <div className="row">
        <label htmlFor={`${id}-amount`} className="sr-only">
          {`${legend}: ${t('inspector.amount')}`}
        </label>
        <NumberInput
          id={`${id}-amount`}
          className="input insp-amount"
          min={min}
          disabled={disabled}
          value={value.amount}
          aria-invalid={problems.length > 0 || undefined}
          onChange={(amount) => {
            if (amount !== undefined) onChange({ ...value, amount });
          }}
        />
        <label htmlFor={`${id}-unit`} className="sr-only">
          {`${legend}: ${t('inspector.unit')}`}
        </label>
        <select
          id={`${id}-unit`}
          className="input"
          value={value.unit}
          disabled={disabled}
          onChange={(event) => onChange({ ...value, unit: event.target.value as DurationUnit })}
        >
          {UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t(`inspector.units.${unit}`)}
            </option>
          ))}
        </select>
      </div>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {problems.length > 0 && <p className="field-problem">{problems.join(' ')}</p>}
    </fieldset>
  );
}
