import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A value to hand to someone else (a link, a key): read-only, selected on focus, one-click copy. */
export function CopyField({
  label,
  value,
  testId,
}: {
  label: string;
  value: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="field copy-field">
      <span className="label">{label}</span>
      <div className="row">
        <input
          className="input mono"
          readOnly
          value={value}
          aria-label={label}
          data-testid={testId}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="btn btn-sm"
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => undefined,
            )
          }
        >
          {copied ? <Check size={13} aria-hidden /> : <Copy size={13} aria-hidden />}
          {copied ? t('team.copied') : t('team.copy')}
        </button>
      </div>
    </div>
  );
}
