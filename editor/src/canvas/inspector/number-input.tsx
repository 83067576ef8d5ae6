import { type InputHTMLAttributes, useState } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: number | undefined;
  /** Called on every edit: the number typed, or undefined while the box is empty. */
  onChange: (value: number | undefined) => void;
};

function parse(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** A number box that lets the marketer clear it and retype without the value snapping back. */
export function NumberInput({ value, onChange, className, ...rest }: Props) {
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // The value changed from outside (undo, another control): show it unless the draft already says so.
    setSeen(value);
    if (parse(draft) !== value) setDraft(value === undefined ? '' : String(value));
  }
  return (
    <input
      {...rest}
      type="number"
      inputMode="decimal"
      className={className ?? 'input'}
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}
