import type { MessageButton, WhatsAppContent, WhatsAppTemplate } from '@ruta/shared';
import { Fragment } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type SyncedTemplate, useHasQueryClient, useWhatsAppTemplates } from '../../channels/api';
import { isApproved, TemplateStatusBadge } from '../../channels/template-status';
import { Field } from './field';
import { slugify, uniquePort } from './ports';

const MAX_BUTTONS = 3;
const keyOf = (t: { name: string; language: string }) => `${t.name}:${t.language}`;

/**
 * Picks a template synced from the WhatsApp account (name, language and parameter count at once),
 * or says where to sync them. Typing a name by hand stays possible below it.
 */
export function WhatsAppTemplatePicker(props: {
  content: WhatsAppContent & { template: WhatsAppTemplate };
  onChange: (content: WhatsAppContent) => void;
}) {
  // The inspector also renders on its own (tests) without a query client: then free inputs only.
  return useHasQueryClient() ? <Picker {...props} /> : null;
}

function Picker({
  content,
  onChange,
}: {
  content: WhatsAppContent & { template: WhatsAppTemplate };
  onChange: (content: WhatsAppContent) => void;
}) {
  const { t } = useTranslation();
  const synced = useWhatsAppTemplates();
  const template = content.template;
  if (synced.isLoading) return null;
  const options = uniqueTemplates(synced.data ?? []);
  if (options.length === 0) {
    return (
      <p className="help">
        <Trans
          i18nKey="templatePicker.noneSynced"
          components={{ page: <Link href="/channels" /> }}
        />
      </p>
    );
  }
  const selected = options.find((o) => keyOf(o) === keyOf(template));
  const statusText = (status: string) =>
    t(`channels.templateStatus.${status.toUpperCase()}`, { defaultValue: status });

  function pick(key: string) {
    const chosen = options.find((o) => keyOf(o) === key);
    if (!chosen) {
      onChange({ ...content, template: { ...template, name: '' } });
      return;
    }
    const params = Array.from({ length: chosen.paramCount }, (_, i) => template.params[i] ?? '');
    onChange({
      ...content,
      template: { name: chosen.name, language: chosen.language, params },
    });
  }

  const replies = selected?.quickReplies.slice(0, MAX_BUTTONS) ?? [];
  const buttonsMatch =
    replies.length === content.buttons.length &&
    replies.every((label, i) => content.buttons[i]?.text === label);

  return (
    <>
      <Field label={t('templatePicker.label')}>
        {(control) => (
          <select
            {...control}
            className="input"
            value={selected ? keyOf(selected) : ''}
            onChange={(e) => pick(e.target.value)}
          >
            <option value="">{t('templatePicker.manual')}</option>
            {options.map((o) => (
              <option key={keyOf(o)} value={keyOf(o)}>
                {t('templatePicker.option', {
                  name: o.name,
                  language: o.language,
                  status: isApproved(o.status)
                    ? statusText(o.status)
                    : t('templatePicker.notApproved', { status: statusText(o.status) }),
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {selected ? (
        <div className="field template-summary">
          <div className="row">
            <TemplateStatusBadge status={selected.status} />
            <span className="help">
              {t(`channels.templateCategory.${selected.category.toUpperCase()}`, {
                defaultValue: selected.category,
              })}
            </span>
          </div>
          {!isApproved(selected.status) && (
            <p className="field-problem">
              {t('templatePicker.notApprovedWarning', { status: statusText(selected.status) })}
            </p>
          )}
          <span className="label">{t('templatePicker.body')}</span>
          <p className="notice template-body-text" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            <TemplateBody body={selected.body} />
          </p>
          {replies.length > 0 && !buttonsMatch && (
            <div>
              <button
                type="button"
                className="btn btn-sm"
                onClick={() =>
                  onChange({ ...content, buttons: buttonsFrom(replies, content.buttons) })
                }
              >
                {t('templatePicker.useButtons', { labels: replies.join(', ') })}
              </button>
              <p className="help">{t('templatePicker.buttonsHelp')}</p>
            </div>
          )}
        </div>
      ) : (
        template.name && (
          <p className="help">{t('templatePicker.notSynced', { name: template.name })}</p>
        )
      )}
    </>
  );
}

/** One option per name and language (two accounts may hold the same template). */
function uniqueTemplates(items: readonly SyncedTemplate[]): SyncedTemplate[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(keyOf(item))) return false;
    seen.add(keyOf(item));
    return true;
  });
}

/** The body with each {{n}} shown as a tag, the way the parameter rows are labelled. */
function TemplateBody({ body }: { body: string }) {
  const parts = body.split(/(\{\{\d+\}\})/);
  return (
    <>
      {parts.map((part, i) =>
        /^\{\{\d+\}\}$/.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
          <span key={i} className="param-tag">
            {part}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * Buttons for the template's quick replies: a label already on a button keeps that button's id
 * (the wait step's outputs may use it); new ones get an id from their label.
 */
export function buttonsFrom(
  labels: readonly string[],
  current: readonly MessageButton[],
): MessageButton[] {
  const texts = labels.map((label) => label.slice(0, 25));
  const kept = texts.map((text) => current.find((b) => b.text === text)?.id);
  const taken = kept.filter((id): id is string => id !== undefined);
  return texts.map((text, i) => {
    let id = kept[i];
    if (id === undefined || kept.indexOf(id) !== i) {
      id = uniquePort(slugify(text) || 'button', taken);
      taken.push(id);
    }
    return { id, text };
  });
}
