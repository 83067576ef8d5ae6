import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationEntry, HandoffDetail } from './api';
import { ChannelTag } from './channel-tag';
import { messageTime, queueName } from './words';

/**
 * Everything said with the customer, oldest first, on every channel: the customer on the left,
 * the journey and the agents on the right; a line marks when the journey handed them over.
 */
export function Thread({ handoff: h }: { handoff: HandoffDetail }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLOListElement>(null);
  const entries = h.conversation;
  const last = entries.at(-1)?.id;
  // Open at the newest message, and follow new ones as they come in.
  useEffect(() => {
    if (last !== undefined && ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  }, [last]);
  const handedAt = new Date(h.createdAt).getTime();
  const marker = entries.findIndex((e) => new Date(e.at).getTime() > handedAt);
  const handedOff = (
    <li className="inbox-thread-marker">
      <span>{t('inbox.handedOff', { queue: queueName(t, h.queue) })}</span>
    </li>
  );
  return (
    <ol className="inbox-thread" ref={ref} aria-label={t('inbox.messages')} data-testid="thread">
      {entries.length === 0 && <li className="inbox-thread-empty">{t('inbox.noMessages')}</li>}
      {entries.map((entry, i) => (
        <Fragment key={entry.id}>
          {i === marker && handedOff}
          <Bubble entry={entry} customer={h.contact.name} />
        </Fragment>
      ))}
      {marker === -1 && entries.length > 0 && handedOff}
    </ol>
  );
}

function Bubble({ entry: e, customer }: { entry: ConversationEntry; customer: string }) {
  const { t, i18n } = useTranslation();
  const who =
    e.by === 'customer'
      ? customer
      : e.by === 'agent'
        ? (e.agent ?? t('inbox.agent'))
        : e.journeyName
          ? t('inbox.byJourney', { journey: e.journeyName })
          : t('inbox.journey');
  return (
    <li className={`inbox-msg inbox-msg-${e.by}`} data-testid={`message-${e.by}`}>
      <div className="inbox-bubble">
        <div className="inbox-bubble-meta">
          <ChannelTag channel={e.channel} />
          <span className="inbox-bubble-who">{who}</span>
        </div>
        {e.buttonId ? (
          <p className="inbox-bubble-text inbox-bubble-tap">
            {e.text ? t('inbox.tapped', { label: e.text }) : t('inbox.tappedButton')}
          </p>
        ) : (
          <p className="inbox-bubble-text">{e.text || t('inbox.emptyMessage')}</p>
        )}
        <div className="inbox-bubble-foot">
          <time dateTime={e.at}>{messageTime(e.at, i18n.resolvedLanguage)}</time>
          {e.direction === 'out' && e.status && (
            <span className={`inbox-msg-status inbox-msg-status-${e.status}`}>
              {t(`runs.words.messageStatus.${e.status}`, {
                defaultValue: t('runs.words.messageStatus.any'),
              })}
            </span>
          )}
        </div>
      </div>
    </li>
  );
}
