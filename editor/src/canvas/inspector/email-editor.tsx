import type { EmailContent } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { Field } from './field';
import { LiquidText } from './liquid-scope';

const PATH = ['content', 'email'];

/** Subject, HTML body and an optional plain-text part. */
export function EmailEditor({
  content,
  onChange,
}: {
  content: EmailContent;
  onChange: (content: EmailContent) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('inspector.emailSubject')} path={[...PATH, 'subject']}>
        {(control) => (
          <LiquidText
            {...control}
            maxLength={250}
            targetLabel={t('inspector.emailSubject')}
            value={content.subject}
            onChange={(subject) => onChange({ ...content, subject })}
          />
        )}
      </Field>
      <Field label={t('inspector.emailHtml')} path={[...PATH, 'html']}>
        {(control) => (
          <LiquidText
            {...control}
            multiline
            rows={8}
            className="input mono"
            spellCheck={false}
            targetLabel={t('inspector.emailHtml')}
            value={content.html}
            onChange={(html) => onChange({ ...content, html })}
          />
        )}
      </Field>
      <Field
        label={t('inspector.emailText')}
        help={t('inspector.emailTextHelp')}
        path={[...PATH, 'text']}
      >
        {(control) => (
          <LiquidText
            {...control}
            multiline
            rows={3}
            targetLabel={t('inspector.emailText')}
            value={content.text ?? ''}
            onChange={(text) => {
              const { text: _old, ...rest } = content;
              onChange(text === '' ? rest : { ...rest, text });
            }}
          />
        )}
      </Field>
    </>
  );
}
