import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removeAt, replaceAt } from './list';
import { useRowKeys } from './use-row-keys';

type Row<V> = [string, V];

/** The rows that make it into the record: a key, and the first row with that key. */
function entriesOf<V>(rows: readonly Row<V>[]): Row<V>[] {
  return rows.filter(([key], index) => key !== '' && rows.findIndex(([k]) => k === key) === index);
}

function sameRecord<V>(rows: readonly Row<V>[], record: Record<string, V>): boolean {
  const complete = entriesOf(rows);
  const keys = Object.keys(record);
  return (
    complete.length === keys.length &&
    complete.every(([key, value]) => Object.hasOwn(record, key) && record[key] === value)
  );
}

/**
 * Key/value rows for a record (headers, attributes to set). Rows with an empty or repeated key
 * stay on screen while typed but are left out of the record.
 */
export function KeyValueRows<V>({
  legend,
  record,
  onChange,
  newValue,
  keyLabel,
  valueLabel,
  keySuggestions = [],
  renderValue,
  addLabel,
}: {
  legend: string;
  record: Record<string, V>;
  onChange: (record: Record<string, V>) => void;
  newValue: V;
  keyLabel: string;
  valueLabel: string;
  keySuggestions?: readonly string[];
  renderValue: (props: {
    id: string;
    label: string;
    value: V;
    onChange: (value: V) => void;
  }) => ReactNode;
  addLabel: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [rows, setRows] = useState<Row<V>[]>(() => Object.entries(record));
  const keys = useRowKeys(rows.length);
  // Changed from outside (undo, another view): start again from the record.
  if (!sameRecord(rows, record)) setRows(Object.entries(record));
  const commit = (next: Row<V>[]) => {
    setRows(next);
    onChange(Object.fromEntries(entriesOf(next)));
  };
  return (
    <fieldset className="field">
      <legend className="label">{legend}</legend>
      {rows.length > 0 && (
        <div className="grid-rows">
          <div className="grid-head grid-kv" aria-hidden="true">
            <span>{keyLabel}</span>
            <span>{valueLabel}</span>
            <span />
          </div>
          {rows.map(([key, value], index) => {
            const n = index + 1;
            const repeated = key !== '' && rows.findIndex(([k]) => k === key) !== index;
            return (
              <div key={keys.keys[index]} className="grid-kv">
                <div>
                  <label className="sr-only" htmlFor={`${id}-k${index}`}>
                    {`${keyLabel} ${n}`}
                  </label>
                  <input
                    id={`${id}-k${index}`}
                    className="input mono"
                    list={keySuggestions.length > 0 ? `${id}-keys` : undefined}
                    value={key}
                    aria-invalid={repeated || undefined}
                    onChange={(e) => commit(replaceAt(rows, index, [e.target.value.trim(), value]))}
                  />
                  {repeated && <p className="field-problem">{t('inspector.repeatedKey')}</p>}
                </div>
                {renderValue({
                  id: `${id}-v${index}`,
                  label: `${valueLabel} ${n}`,
                  value,
                  onChange: (next) => commit(replaceAt(rows, index, [key, next])),
                })}
                <button
                  type="button"
                  className="btn btn-ghost btn-sm icon-btn"
                  aria-label={t('inspector.removeRow', { n })}
                  onClick={() => {
                    keys.removed(index);
                    commit(removeAt(rows, index));
                  }}
                >
                  ×
                </button>
              </div>
            );
          })}
        </div>
      )}
      {keySuggestions.length > 0 && (
        <datalist id={`${id}-keys`}>
          {keySuggestions.map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
      )}
      <div>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => setRows([...rows, ['', newValue]])}
        >
          + {addLabel}
        </button>
      </div>
    </fieldset>
  );
}
