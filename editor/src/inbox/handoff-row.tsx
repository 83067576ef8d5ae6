import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { HandoffSummary } from './api';
import { ChannelTag } from './channel-tag';
import { lastInboundWords, personName, queueName, waitWords } from './words';

/** One conversation in the list: who, which queue and journey, what they did, how long, who has it. */
export function HandoffRow({
  handoff: h,
  selected,
  meId,
}: {
  handoff: HandoffSummary;
  selected: boolean;
  meId: string | null;
}) {
  const { t } = useTranslation();
  const waiting = h.status === 'open';
  return (
    <li>
      <Link
        href={`/inbox/${h.id}`}
        className={`inbox-row${selected ? ' selected' : ''}${waiting ? ' waiting' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-testid="handoff-row"
      >
        <div className="inbox-row-top">
          <strong className="inbox-row-name">{h.contact.name}</strong>
          <span className="inbox-row-wait">{waitWords(t, h)}</span>
        </div>
        <div className="inbox-row-said">
          {h.lastInbound && <ChannelTag channel={h.lastInbound.channel} iconOnly />}
          <span>{lastInboundWords(t, h)}</span>
        </div>
        <div className="inbox-row-meta">
          <span className="inbox-queue-chip">{queueName(t, h.queue)}</span>
          {h.journey && (
            <span className="inbox-row-journey" title={h.journey.name}>
              {h.journey.name}
            </span>
          )}
          <span className="inbox-row-who">
            {h.status === 'closed' && h.result ? (
              <span className={`inbox-result inbox-result-${h.result}`}>
                {t(`inbox.result.${h.result}`)}
              </span>
            ) : h.assignee ? (
              personName(t, h.assignee, meId)
            ) : (
              <span className="inbox-unassigned">{t('inbox.unassigned')}</span>
            )}
          </span>
        </div>
      </Link>
    </li>
  );
}
