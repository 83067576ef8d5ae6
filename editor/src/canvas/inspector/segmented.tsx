/** A row of toggle buttons for a small set of choices (channels, preview tabs). */
export function Segmented<T extends string>({
  legend,
  options,
  value,
  onChange,
  hideLegend,
  size,
}: {
  legend: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  hideLegend?: boolean;
  size?: 'sm';
}) {
  return (
    <fieldset className="field">
      <legend className={hideLegend ? 'sr-only' : 'label'}>{legend}</legend>
      <div className={`segmented${size ? ' segmented-sm' : ''}`}>
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            className="segmented-option"
            aria-pressed={option.value === value}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
