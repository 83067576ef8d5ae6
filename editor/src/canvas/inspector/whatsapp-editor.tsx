import { CHANNEL_LIMITS, type WhatsAppContent, type WhatsAppTemplate } from '@ruta/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonsEditor } from './buttons-editor';
import { CharCount } from './char-count';
import { Field } from './field';
import { LiquidText } from './liquid-scope';
import { removeAt, replaceAt } from './list';
import { useRowKeys } from './use-row-keys';
import { WhatsAppTemplatePicker } from './whatsapp-template-picker';

export const TEMPLATE_LANGUAGES = ['es_MX', 'es_AR', 'es_CO', 'pt_BR', 'en'] as const;
const PATH = ['content', 'whatsapp'];

/** An approved template (outside the 24-hour window) and/or a session text, plus up to 3 buttons. */
export function WhatsAppEditor({
  content,
  onChange,
}: {
  content: WhatsAppContent;
  onChange: (content: WhatsAppContent) => void;
}) {
  const { t } = useTranslation();
  const template = content.template;
  const setTemplate = (next: WhatsAppTemplate | undefined) => {
    const { template: _old, ...rest } = content;
    onChange(next ? { ...rest, template: next } : rest);
  };
  return (
    <>
      <div className="field check-field">
        <label>
          <input
            type="checkbox"
            checked={template !== undefined}
            onChange={(e) =>
              setTemplate(
                e.target.checked ? { name: '', language: 'es_MX', params: [] } : undefined,
              )
            }
          />{' '}
          {t('inspector.useTemplate')}
        </label>
        <p className="help">{t('inspector.useTemplateHelp')}</p>
      </div>
      {template && (
        <TemplateFields template={template} onChange={setTemplate}>
          <WhatsAppTemplatePicker content={{ ...content, template }} onChange={onChange} />
        </TemplateFields>
      )}
      <Field
        label={t('inspector.sessionText')}
        help={t('inspector.sessionTextHelp')}
        path={[...PATH, 'text']}
      >
        {(control) => (
          <LiquidText
            {...control}
            multiline
            rows={4}
            targetLabel={t('inspector.sessionText')}
            value={content.text ?? ''}
            onChange={(text) => {
              const { text: _old, ...rest } = content;
              onChange(text === '' ? rest : { ...rest, text });
            }}
          />
        )}
      </Field>
      <CharCount
        used={content.text?.length ?? 0}
        max={
          content.buttons.length > 0
            ? CHANNEL_LIMITS.whatsapp.bodyWithButtons
            : CHANNEL_LIMITS.whatsapp.body
        }
      />
      {!template && (
        <p className="notice notice-warn" data-testid="no-template-warning">
          {t('inspector.noTemplateWarning')}
        </p>
      )}
      <ButtonsEditor
        buttons={content.buttons}
        max={CHANNEL_LIMITS.whatsapp.buttons}
        titleMax={CHANNEL_LIMITS.whatsapp.buttonTitle}
        path={[...PATH, 'buttons']}
        onChange={(buttons) => onChange({ ...content, buttons })}
      />
    </>
  );
}

function TemplateFields({
  template,
  onChange,
  children,
}: {
  template: WhatsAppTemplate;
  onChange: (template: WhatsAppTemplate) => void;
  /** The synced-template picker, above the free inputs. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const rows = useRowKeys(template.params.length);
  const languages = TEMPLATE_LANGUAGES.includes(
    template.language as (typeof TEMPLATE_LANGUAGES)[number],
  )
    ? TEMPLATE_LANGUAGES
    : [...TEMPLATE_LANGUAGES, template.language];
  return (
    <div className="insp-group">
      {children}
      <div className="grid-2">
        <Field label={t('inspector.templateName')} path={[...PATH, 'template', 'name']}>
          {(control) => (
            <input
              {...control}
              className="input mono"
              placeholder="carrito_abandonado"
              value={template.name}
              onChange={(e) =>
                onChange({
                  ...template,
                  name: e.target.value.toLowerCase().replace(/[\s-]+/g, '_'),
                })
              }
            />
          )}
        </Field>
        <Field label={t('inspector.templateLanguage')} path={[...PATH, 'template', 'language']}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={template.language}
              onChange={(e) => onChange({ ...template, language: e.target.value })}
            >
              {languages.map((language) => (
                <option key={language} value={language}>
                  {language}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field">
        <span className="label">{t('inspector.templateParams')}</span>
        {template.params.map((param, index) => (
          <div key={rows.keys[index]} className="param-row">
            <Field
              className="grow"
              hideLabel
              label={t('inspector.paramN', { n: index + 1 })}
              path={[...PATH, 'template', 'params', index]}
            >
              {(control) => (
                <div className="row">
                  <span className="param-tag" aria-hidden="true">{`{{${index + 1}}}`}</span>
                  <LiquidText
                    {...control}
                    targetLabel={t('inspector.paramN', { n: index + 1 })}
                    value={param}
                    onChange={(value) =>
                      onChange({ ...template, params: replaceAt(template.params, index, value) })
                    }
                  />
                </div>
              )}
            </Field>
            <button
              type="button"
              className="btn btn-ghost btn-sm icon-btn"
              aria-label={t('inspector.removeParam', { n: index + 1 })}
              onClick={() => {
                rows.removed(index);
                onChange({ ...template, params: removeAt(template.params, index) });
              }}
            >
              ×
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => onChange({ ...template, params: [...template.params, ''] })}
          >
            + {t('inspector.addParam')}
          </button>
        </div>
      </div>
    </div>
  );
}
