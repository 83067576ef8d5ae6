import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A list of short words (tags, keywords, attribute names) typed one by one: Enter or comma adds. */
export function ChipsInput({
  label,
  values,
  onChange,
  suggestions = [],
  placeholder,
  help,
}: {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  suggestions?: readonly string[];
  placeholder?: string;
  help?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const words = text
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word !== '' && !values.includes(word));
    if (words.length > 0) onChange([...values, ...new Set(words)]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="chips">
        {values.map((value) => (
          <span key={value} className="chip">
            {value}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('inspector.removeItem', { item: value })}
              onClick={() => onChange(values.filter((other) => other !== value))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          className="chips-input"
          value={draft}
          list={suggestions.length > 0 ? `${id}-list` : undefined}
          placeholder={values.length === 0 ? placeholder : undefined}
          aria-describedby={help ? `${id}-help` : undefined}
          onChange={(event) => {
            const text = event.target.value;
            if (text.includes(',')) add(text);
            else setDraft(text);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => add(draft)}
        />
      </div>
      {suggestions.length > 0 && (
        <datalist id={`${id}-list`}>
          {suggestions
            .filter((s) => !values.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      )}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
    </div>
  );
}
