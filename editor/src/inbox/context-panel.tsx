import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLang } from '../canvas/inspector/use-lang';
import type { HandoffDetail } from './api';
import { EventFacts } from './event-facts';
import { Notes } from './notes';
import { durationWords, lastInboundWords, messageTime, queueName, secondsSince } from './words';

/**
 * What the journey knows, beside the conversation: its note, the customer, the journey and queue,
 * the cart, what the customer tapped or wrote, the path so far, and the team's notes.
 */
export function ContextPanel({ handoff: h }: { handoff: HandoffDetail }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const path = h.run?.path ?? [];
  return (
    <aside className="inbox-context" aria-label={t('inbox.context.label')} data-testid="context">
      {h.note && (
        <section className="inbox-flow-note">
          <h3>{t('inbox.context.note')}</h3>
          <p>{h.note}</p>
        </section>
      )}
      <section>
        <h3>{t('inbox.context.customer')}</h3>
        <p className="inbox-strong">{h.contact.name}</p>
        {h.contact.phone && <p className="muted">{h.contact.phone}</p>}
        {h.contact.email && <p className="muted">{h.contact.email}</p>}
        <Link href={`/contacts/${h.contact.id}`} className="inbox-link">
          {t('inbox.context.contactPage')}
        </Link>
      </section>
      <section>
        <h3>{t('inbox.context.journey')}</h3>
        {h.journey ? (
          <Link href={`/journeys/${h.journey.id}`} className="inbox-link inbox-strong">
            {h.journey.name}
          </Link>
        ) : (
          <p className="muted">{t('inbox.context.noJourney')}</p>
        )}
        <p className="muted">
          {t('inbox.context.handedOff', {
            queue: queueName(t, h.queue),
            time: durationWords(t, secondsSince(h.createdAt)),
          })}
        </p>
        {h.waitsForAgent && h.status !== 'closed' && (
          <p className="help">{t('inbox.context.waits')}</p>
        )}
      </section>
      {h.event && Object.keys(h.event.properties).length > 0 && (
        <section>
          <h3>
            {Object.keys(h.event.properties).some((k) => k.startsWith('cart_'))
              ? t('inbox.context.cart')
              : t('inbox.context.event')}
          </h3>
          <EventFacts properties={h.event.properties} />
        </section>
      )}
      <section>
        <h3>{t('inbox.context.did')}</h3>
        <p data-testid="last-inbound">{lastInboundWords(t, h)}</p>
        {h.lastInbound && (
          <p className="help">{messageTime(h.lastInbound.at, i18n.resolvedLanguage)}</p>
        )}
      </section>
      {path.length > 0 && (
        <section>
          <h3>{t('inbox.context.path')}</h3>
          <ol className="inbox-path" data-testid="path">
            {path.map((step) => (
              <li key={`${step.nodeId}-${step.at}`}>
                <span className="inbox-strong">{step.name[lang]}</span>
                {step.port && <span className="muted"> → {step.port[lang]}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <Notes handoff={h} />
    </aside>
  );
}
