import type { TFunction } from 'i18next';
import { ChevronRight, RefreshCw, RotateCcw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { currentLang, intlLocale } from '../i18n/index';
import {
  type ReceiptOutcome,
  useReplayReceipt,
  useWebhookReceipts,
  type WebhookReceipt,
} from './api';

const SHOWN = 10;

const TONES: Record<WebhookReceipt['status'], string> = {
  processed: 'badge-active',
  failed: 'badge-failed',
  received: 'badge-paused',
};

const CALLER = { whatsapp: 'Meta', twilio: 'Twilio' } as const;

/** What a webhook did, in words: "2 respuestas · 1 estado · 1 duplicado". */
function summarizeOutcome(outcome: ReceiptOutcome, t: TFunction): string {
  const parts = [
    ['inbound', outcome.inbound],
    ['routed', outcome.routedTo],
    ['statuses', outcome.statuses],
    ['duplicates', outcome.duplicates],
    ['unknown', outcome.unknownMessageIds.length],
  ] as const;
  const said = parts
    .filter(([, count]) => count > 0)
    .map(([key, count]) => t(`channels.receipts.${key}`, { count }));
  return said.length > 0 ? said.join(' · ') : t('channels.receipts.nothing');
}

function summarize(receipt: WebhookReceipt, t: TFunction): string {
  if (receipt.status === 'failed') return receipt.error ?? t('channels.receipts.status.failed');
  if (!receipt.outcome) return t('channels.receipts.pending');
  return summarizeOutcome(receipt.outcome, t);
}

/** The body as stored, made readable: indented JSON, or one `key = value` line per form field. */
function readableBody(receipt: Pick<WebhookReceipt, 'body' | 'contentType' | 'provider'>) {
  try {
    return JSON.stringify(JSON.parse(receipt.body), null, 2);
  } catch {
    const form =
      receipt.contentType?.includes('x-www-form-urlencoded') || receipt.provider === 'twilio';
    if (!form) return receipt.body;
    return [...new URLSearchParams(receipt.body)].map(([k, v]) => `${k} = ${v}`).join('\n');
  }
}

const UNITS = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
] as const;

/** "hace 5 minutos" up to a week back, then the date. */
function relativeTime(iso: string, lang: string | undefined, now = Date.now()): string {
  let amount = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, perNext] of UNITS) {
    if (Math.abs(amount) < perNext) {
      return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(
        Math.round(amount),
        unit,
      );
    }
    amount /= perNext;
  }
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A WhatsApp or Twilio channel's latest webhooks, collapsed until asked for; failed or stuck ones can be replayed. */
export function WebhookReceipts({
  channelId,
  provider,
}: {
  channelId: string;
  provider: WebhookReceipt['provider'];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const receipts = useWebhookReceipts(channelId, { enabled: open });
  const panelId = useId();
  const title = t('channels.receipts.title');
  const items = receipts.data ?? [];

  return (
    <section className="webhook-receipts" aria-label={title}>
      <div className="webhook-receipts-head">
        <h3>
          <button
            type="button"
            className="webhook-receipts-toggle"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((was) => !was)}
          >
            <ChevronRight size={14} aria-hidden />
            {title}
          </button>
        </h3>
        {open && (
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            disabled={receipts.isFetching}
            onClick={() => void receipts.refetch()}
          >
            <RefreshCw size={13} aria-hidden className={receipts.isFetching ? 'spin' : undefined} />
            {t('common.refresh')}
          </button>
        )}
      </div>
      {open && (
        <div id={panelId}>
          <p className="help">{t('channels.receipts.help')}</p>
          {receipts.isPending ? (
            <p className="help">{t('common.loading')}</p>
          ) : receipts.error ? (
            <p className="notice notice-error" role="alert">
              {t('channels.receipts.loadFailed')}: {errorText(receipts.error, currentLang())}
            </p>
          ) : items.length === 0 ? (
            <p className="help">{t('channels.receipts.empty', { caller: CALLER[provider] })}</p>
          ) : (
            <>
              <ul className="receipt-list">
                {items.slice(0, SHOWN).map((receipt) => (
                  <ReceiptRow key={receipt.id} receipt={receipt} channelId={channelId} />
                ))}
              </ul>
              {items.length > SHOWN && (
                <p className="help">{t('channels.receipts.onlyLatest', { count: SHOWN })}</p>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function ReceiptRow({ receipt, channelId }: { receipt: WebhookReceipt; channelId: string }) {
  const { t, i18n } = useTranslation();
  const [showBody, setShowBody] = useState(false);
  const replay = useReplayReceipt(channelId);
  const bodyId = useId();
  const lang = intlLocale(i18n.resolvedLanguage);
  const summary = summarize(receipt, t);
  const result = replay.data;

  return (
    <li className={`receipt receipt-${receipt.status}`} data-testid={`receipt-${receipt.id}`}>
      <div className="receipt-line">
        <span className={`badge ${TONES[receipt.status]}`}>
          {t(`channels.receipts.status.${receipt.status}`)}
        </span>
        <time
          className="receipt-time"
          dateTime={receipt.receivedAt}
          title={new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(
            new Date(receipt.receivedAt),
          )}
        >
          {relativeTime(receipt.receivedAt, lang)}
        </time>
        <span className="receipt-summary" title={summary}>
          {summary}
        </span>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          aria-expanded={showBody}
          aria-controls={bodyId}
          onClick={() => setShowBody((was) => !was)}
        >
          {showBody ? t('channels.receipts.hideBody') : t('channels.receipts.showBody')}
        </button>
        {receipt.status !== 'processed' && (
          <button
            type="button"
            className="btn btn-sm"
            disabled={replay.isPending}
            onClick={() => replay.mutate(receipt.id)}
          >
            <RotateCcw size={13} aria-hidden className={replay.isPending ? 'spin' : undefined} />
            {replay.isPending ? t('channels.receipts.replaying') : t('channels.receipts.replay')}
          </button>
        )}
      </div>
      {result && (
        <p className={`receipt-result ${result.ok ? 'ok' : 'error'}`} role="status">
          {result.ok
            ? t('channels.receipts.replayed', { summary: summarizeOutcome(result.outcome, t) })
            : t('channels.receipts.failedAgain', { error: result.error })}
        </p>
      )}
      {replay.error && (
        <p className="receipt-result error" role="alert">
          {t('channels.receipts.replayFailed', { error: errorText(replay.error, currentLang()) })}
        </p>
      )}
      {showBody && (
        <pre id={bodyId} className="receipt-body">
          {readableBody(receipt)}
        </pre>
      )}
    </li>
  );
}
