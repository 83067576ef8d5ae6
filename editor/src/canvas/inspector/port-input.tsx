import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlProps } from './field';
import { cleanPortInput, isPortName } from './ports';

/**
 * An output name: typed text is cleaned to a slug, and only a valid name reaches the step, so an
 * empty box never disconnects the output's arrow.
 */
export function PortInput({
  control,
  value,
  onChange,
}: {
  control: ControlProps;
  value: string;
  onChange: (port: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  const invalid = !isPortName(draft);
  return (
    <>
      <input
        {...control}
        className="input mono"
        value={draft}
        aria-invalid={invalid || control['aria-invalid'] || undefined}
        onChange={(e) => {
          const next = cleanPortInput(e.target.value);
          setDraft(next);
          if (isPortName(next)) {
            setSeen(next);
            onChange(next);
          }
        }}
        onBlur={() => setDraft(value)}
      />
      {invalid && <p className="field-problem">{t('inspector.portInvalid')}</p>}
    </>
  );
}
