import { CHANNEL_LIMITS, type RcsContent } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { ButtonsEditor } from './buttons-editor';
import { Field } from './field';
import { LiquidText } from './liquid-scope';

/** RCS text and suggested replies. */
export function RcsEditor({
  content,
  onChange,
}: {
  content: RcsContent;
  onChange: (content: RcsContent) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('inspector.rcsText')} path={['content', 'rcs', 'text']}>
        {(control) => (
          <LiquidText
            {...control}
            multiline
            rows={4}
            maxLength={3072}
            targetLabel={t('inspector.rcsText')}
            value={content.text}
            onChange={(text) => onChange({ ...content, text })}
          />
        )}
      </Field>
      <ButtonsEditor
        buttons={content.buttons}
        max={CHANNEL_LIMITS.rcs.buttons}
        titleMax={CHANNEL_LIMITS.rcs.buttonTitle}
        path={['content', 'rcs', 'buttons']}
        onChange={(buttons) => onChange({ ...content, buttons })}
      />
    </>
  );
}
