import {
  type Channel,
  channelNames,
  type EmailContent,
  type MessageButton,
  type RcsContent,
  type SendNode,
  type SmsContent,
  smsCount,
  type Trigger,
  type WhatsAppContent,
} from '@ruta/shared';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from './field';
import { previewContext, sampleContact } from './sample-data';
import { Segmented } from './segmented';
import { useLang } from './use-lang';
import { type Rendered, useRendered } from './use-rendered';

type Context = Record<string, unknown>;

/** The message as the sample customer would see it on their phone, for each channel the step may use. */
export function MessagePreview({ node, trigger }: { node: SendNode; trigger: Trigger }) {
  const { t } = useTranslation();
  const channels = [node.channel, ...node.fallbackChannels];
  const [chosen, setChosen] = useState<Channel>(node.channel);
  const channel = channels.includes(chosen) ? chosen : node.channel;
  const journeyName = t('inspector.sampleJourney');
  const lang = useLang();
  const contact = sampleContact(lang);
  const context = useMemo(
    () => previewContext(trigger, journeyName, lang),
    [trigger, journeyName, lang],
  );
  const { content } = node;
  return (
    <Section title={t('inspector.preview')}>
      <p className="help">
        {t('inspector.previewFor', {
          name: `${contact.firstName} ${contact.lastName}`,
          phone: contact.phone,
        })}
        {trigger.kind === 'event' ? ` ${t('inspector.previewWithCart')}` : ''}
      </p>
      {channels.length > 1 && (
        <Segmented
          legend={t('inspector.previewChannel')}
          hideLegend
          size="sm"
          options={channels.map((value) => ({ value, label: channelNames[value] }))}
          value={channel}
          onChange={setChosen}
        />
      )}
      {channel === 'whatsapp' && <WhatsAppPreview content={content.whatsapp} context={context} />}
      {channel === 'sms' && <SmsPreview content={content.sms} context={context} />}
      {channel === 'email' && <EmailPreview content={content.email} context={context} />}
      {channel === 'rcs' && <RcsPreview content={content.rcs} context={context} />}
    </Section>
  );
}

function Phone({
  variant,
  children,
}: {
  variant: 'whatsapp' | 'sms' | 'rcs';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const sender = t('inspector.previewSender');
  return (
    <figure className={`phone phone-${variant}`} aria-label={t('inspector.previewPhone')}>
      <div className="phone-head">
        <span className="phone-avatar" aria-hidden="true">
          {sender.slice(0, 1)}
        </span>
        <span className="phone-title">
          <strong>{sender}</strong>
          {variant === 'whatsapp' && <small>{t('inspector.previewBusiness')}</small>}
        </span>
      </div>
      <div className="phone-screen">{children}</div>
    </figure>
  );
}

function RenderNotes({ results }: { results: Rendered[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const missing = new Set<string>();
  const errors: string[] = [];
  for (const result of results) {
    if (result.ok === true) for (const path of result.missing) missing.add(path);
    if (result.ok === false) {
      // The message already says where (line and column).
      errors.push(result.error[lang]);
    }
  }
  return (
    <>
      {errors.map((error) => (
        <p key={error} className="preview-error" role="alert">
          {error}
        </p>
      ))}
      {missing.size > 0 && (
        <p className="help">
          {t('inspector.previewMissing', { variables: [...missing].join(', ') })}
        </p>
      )}
    </>
  );
}

function text(result: Rendered | undefined): string {
  return result?.ok === true ? result.text : '';
}

function Buttons({ buttons, className }: { buttons: readonly MessageButton[]; className: string }) {
  if (buttons.length === 0) return null;
  return (
    <div className={className}>
      {buttons.map((button) => (
        <span key={button.id} className="preview-button">
          {button.text}
        </span>
      ))}
    </div>
  );
}

function Empty() {
  const { t } = useTranslation();
  return <p className="preview-empty">{t('inspector.previewEmpty')}</p>;
}

function WhatsAppPreview({ content, context }: { content?: WhatsAppContent; context: Context }) {
  const { t } = useTranslation();
  const hasBoth = content?.template !== undefined && content.text !== undefined;
  const [mode, setMode] = useState<'session' | 'template'>('session');
  const showTemplate = content?.template !== undefined && (!hasBoth || mode === 'template');
  const sources = showTemplate ? (content?.template?.params ?? []) : [content?.text];
  const results = useRendered(sources, context);
  if (!content || (!content.template && content.text === undefined)) return <Empty />;
  return (
    <>
      {hasBoth && (
        <Segmented
          legend={t('inspector.previewWindow')}
          size="sm"
          options={[
            { value: 'session', label: t('inspector.previewSession') },
            { value: 'template', label: t('inspector.previewTemplate') },
          ]}
          value={mode}
          onChange={setMode}
        />
      )}
      <Phone variant="whatsapp">
        <div className="bubble bubble-in">
          {showTemplate && content.template ? (
            <>
              <p className="bubble-template">
                {t('inspector.templateBubble', {
                  name: content.template.name || '…',
                  language: content.template.language,
                })}
              </p>
              {content.template.params.length === 0 && (
                <p className="muted">{t('inspector.noParams')}</p>
              )}
              <ol className="bubble-params">
                {content.template.params.map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parameters are positional ({{1}}, {{2}}…)
                  <li key={i}>
                    <span className="param-tag">{`{{${i + 1}}}`}</span> {text(results[i])}
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="bubble-text">{text(results[0])}</p>
          )}
          <span className="bubble-time">10:24</span>
        </div>
        <Buttons buttons={content.buttons} className="wa-buttons" />
      </Phone>
      <RenderNotes results={results} />
    </>
  );
}

function SmsPreview({ content, context }: { content?: SmsContent; context: Context }) {
  const { t } = useTranslation();
  const results = useRendered([content?.text], context);
  if (!content) return <Empty />;
  const rendered = text(results[0]);
  const count = smsCount(rendered);
  const failed = results[0]?.ok === false;
  return (
    <>
      <Phone variant="sms">
        {!failed && (
          <div className="bubble bubble-sms">
            <p className="bubble-text">{rendered}</p>
          </div>
        )}
      </Phone>
      {!failed && (
        <p className="help">
          {t('inspector.previewSegments', {
            count: count.segments,
            chars: count.units,
            encoding: count.encoding,
          })}
        </p>
      )}
      <RenderNotes results={results} />
    </>
  );
}

function RcsPreview({ content, context }: { content?: RcsContent; context: Context }) {
  const results = useRendered([content?.text], context);
  if (!content) return <Empty />;
  return (
    <>
      <Phone variant="rcs">
        {results[0]?.ok !== false && (
          <div className="bubble bubble-rcs">
            <p className="bubble-text">{text(results[0])}</p>
          </div>
        )}
        <Buttons buttons={content.buttons} className="rcs-chips" />
      </Phone>
      <RenderNotes results={results} />
    </>
  );
}

function EmailPreview({ content, context }: { content?: EmailContent; context: Context }) {
  const { t } = useTranslation();
  const to = sampleContact(useLang()).email;
  const results = useRendered([content?.subject, content?.html], context);
  if (!content) return <Empty />;
  return (
    <>
      <div className="email-card">
        <dl className="email-meta">
          <dt>{t('inspector.emailFrom')}</dt>
          <dd>{t('inspector.previewSender')}</dd>
          <dt>{t('inspector.emailTo')}</dt>
          <dd>{to}</dd>
        </dl>
        <p className="email-subject">{text(results[0])}</p>
        {/* No scripts, no same-origin: the HTML is shown, never run. */}
        <iframe
          className="email-body"
          title={t('inspector.emailBodyPreview')}
          sandbox=""
          srcDoc={`<meta charset="utf-8"><style>body{font:14px/1.5 system-ui,sans-serif;margin:12px;color:#172033}</style>${text(results[1])}`}
        />
      </div>
      <RenderNotes results={results} />
    </>
  );
}
