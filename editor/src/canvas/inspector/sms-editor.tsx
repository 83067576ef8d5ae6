import { type SmsContent, smsCount, withoutAccents } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { Field } from './field';
import { LiquidText } from './liquid-scope';

/** The SMS text with a live count of segments (what the carrier bills). */
export function SmsEditor({
  content,
  onChange,
}: {
  content: SmsContent;
  onChange: (content: SmsContent) => void;
}) {
  const { t } = useTranslation();
  const count = smsCount(content.text);
  const plain = withoutAccents(content.text);
  const saved = count.segments - smsCount(plain).segments;
  return (
    <Field
      label={t('inspector.smsText')}
      path={['content', 'sms', 'text']}
      help={
        <>
          <span
            className={`sms-counter${count.segments > 1 ? ' sms-counter-warn' : ''}`}
            aria-live="polite"
          >
            {t('inspector.segments', { count: count.segments })} ·{' '}
            {t('inspector.smsUnits', {
              units: count.units,
              max: count.perSegment * count.segments,
            })}{' '}
            · {count.encoding}
          </span>
          {count.encoding === 'UCS-2' && <> {t('inspector.ucs2Hint')}</>}
          {saved > 0 && (
            <button
              type="button"
              className="btn btn-sm btn-link"
              data-testid="sms-without-accents"
              onClick={() => onChange({ ...content, text: plain })}
            >
              {t('inspector.removeAccents', { count: saved })}
            </button>
          )}
        </>
      }
    >
      {(control) => (
        <LiquidText
          {...control}
          multiline
          rows={4}
          maxLength={1600}
          targetLabel={t('inspector.smsText')}
          value={content.text}
          onChange={(text) => onChange({ ...content, text })}
        />
      )}
    </Field>
  );
}
