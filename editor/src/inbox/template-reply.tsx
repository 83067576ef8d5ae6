import { Send } from 'lucide-react';
import { useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { type SyncedTemplate, useWhatsAppTemplates } from '../channels/api';
import { isApproved } from '../channels/template-status';
import { intlLocale } from '../i18n/index';
import { toast } from '../shell/toast';
import { type HandoffDetail, newClientId, useSendMessage } from './api';

const keyOf = (t: { name: string; language: string }) => `${t.name}:${t.language}`;

/** The approved templates, one per name and language (two accounts may hold the same one). */
function approved(items: readonly SyncedTemplate[]): SyncedTemplate[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!isApproved(item.status) || seen.has(keyOf(item))) return false;
    seen.add(keyOf(item));
    return true;
  });
}

/** «es_MX» as people read it: «español (México)». */
function languageName(code: string, lang: string): string {
  try {
    return (
      new Intl.DisplayNames([intlLocale(lang) ?? lang], { type: 'language' }).of(
        code.replace('_', '-'),
      ) ?? code
    );
  } catch {
    return code;
  }
}

/**
 * Outside WhatsApp's 24-hour window only an approved template goes out: the agent picks one and
 * fills its blanks, and sees the message as the customer will read it.
 */
export function TemplateReply({ handoff: h }: { handoff: HandoffDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const synced = useWhatsAppTemplates();
  const send = useSendMessage(h.id);
  const [key, setKey] = useState('');
  const [params, setParams] = useState<string[]>([]);
  const clientId = useRef(newClientId());
  /** Set at once on send (before React re-renders the button as busy): one click, one send. */
  const sending = useRef(false);
  const options = approved(synced.data ?? []);
  const chosen = options.find((o) => keyOf(o) === key);
  const complete = chosen !== undefined && params.every((p) => p.trim() !== '');

  function pick(value: string) {
    setKey(value);
    const next = options.find((o) => keyOf(o) === value);
    setParams(Array.from({ length: next?.paramCount ?? 0 }, () => ''));
  }

  function submit() {
    if (!chosen || !complete || sending.current) return;
    sending.current = true;
    send.mutate(
      {
        template: {
          name: chosen.name,
          language: chosen.language,
          params: params.map((p) => p.trim()),
        },
        clientId: clientId.current,
      },
      {
        onSettled: () => {
          sending.current = false;
        },
        onSuccess: () => {
          pick('');
          clientId.current = newClientId();
        },
        onError: (error) => toast(errorText(error, lang), 'error'),
      },
    );
  }

  const preview = chosen?.body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => {
    const value = params[Number(n) - 1]?.trim();
    return value || whole;
  });

  return (
    <div className="inbox-template" data-testid="template-reply">
      <p className="notice notice-warn">
        {h.window.closesAt ? t('inbox.template.whyClosed') : t('inbox.template.whyNever')}
      </p>
      {synced.isLoading ? (
        <p className="help">{t('common.loading')}</p>
      ) : options.length === 0 ? (
        <p className="help">
          <Trans i18nKey="inbox.template.none" components={{ page: <Link href="/channels" /> }} />
        </p>
      ) : (
        <>
          <label className="field">
            <span className="label">{t('inbox.template.label')}</span>
            <select className="input" value={key} onChange={(e) => pick(e.target.value)}>
              <option value="">{t('inbox.template.choose')}</option>
              {options.map((o) => (
                <option key={keyOf(o)} value={keyOf(o)}>
                  {t('inbox.template.option', {
                    name: o.name,
                    language: languageName(o.language, lang),
                  })}
                </option>
              ))}
            </select>
          </label>
          {chosen && (
            <>
              {params.map((value, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the template's blanks, in order
                <label className="field" key={i}>
                  <span className="label">
                    {t('inbox.template.param', { tag: `{{${i + 1}}}` })}
                  </span>
                  <input
                    className="input"
                    value={value}
                    maxLength={1024}
                    onChange={(e) =>
                      setParams(params.map((p, j) => (j === i ? e.target.value : p)))
                    }
                  />
                </label>
              ))}
              <span className="label">{t('inbox.template.preview')}</span>
              <p className="inbox-template-preview" data-testid="template-preview">
                {preview}
              </p>
            </>
          )}
          <div className="inbox-reply-foot">
            <span className="help">{chosen && !complete ? t('inbox.template.fillAll') : ''}</span>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!complete || send.isPending}
              title={complete ? undefined : t('inbox.template.pickFirst')}
              onClick={submit}
            >
              <Send size={14} aria-hidden /> {t('inbox.template.send')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
