import type { TFunction } from 'i18next';
import { RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type Delivery, useDeliveries, useReplayDelivery } from './api';

const TONES: Record<Delivery['status'], string> = {
  processed: 'badge-active',
  ignored: 'badge-paused',
  failed: 'badge-failed',
  received: 'badge-paused',
};

/** What a delivery became, in words: the events (new or repeated), or why nothing. */
function became(delivery: Delivery, t: TFunction) {
  if (delivery.status === 'failed') return <span>{delivery.error}</span>;
  const outcome = delivery.outcome;
  if (!outcome) return <span className="muted">{t('sources.deliveries.pending')}</span>;
  const contactId = outcome.contactIds[0];
  return (
    <>
      {outcome.events.map((event) => (
        <span key={event.id} className="delivery-event">
          <code>{event.name}</code> · {t(`sources.deliveries.event.${event.status}`)}
        </span>
      ))}
      {outcome.events.length === 0 && outcome.contactIds.length > 0 && (
        <span>{t('sources.deliveries.contactOnly')}</span>
      )}
      {outcome.ignored && <span className="muted">{outcome.ignored}</span>}
      {outcome.skipped.map((reason) => (
        <span key={reason} className="muted">
          {reason}
        </span>
      ))}
      {contactId && (
        <Link href={`/sandbox/${contactId}`} className="delivery-contact">
          {t('sources.deliveries.openContact')}
        </Link>
      )}
    </>
  );
}

/** The latest deliveries of a source and what each became; failed ones can be replayed. */
export function DeliveryList({ sourceId, manage }: { sourceId: string; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const deliveries = useDeliveries(sourceId, { enabled: manage });
  const replay = useReplayDelivery(sourceId);
  if (!manage) return null;
  const items = deliveries.data ?? [];
  return (
    <section className="deliveries" aria-label={t('sources.deliveries.title')}>
      <h4>{t('sources.deliveries.title')}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('sources.deliveries.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('sources.deliveries.when')}</th>
              <th>{t('sources.deliveries.topic')}</th>
              <th>{t('sources.deliveries.status')}</th>
              <th>{t('sources.deliveries.became')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((delivery) => (
              <tr key={delivery.id} data-testid="delivery-row">
                <td>
                  {new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(
                    new Date(delivery.receivedAt),
                  )}
                </td>
                <td>
                  <code>{delivery.topic}</code>
                  {delivery.test && <span className="badge"> {t('sources.deliveries.test')}</span>}
                </td>
                <td>
                  <span className={`badge ${TONES[delivery.status]}`}>
                    {t(`sources.deliveries.statuses.${delivery.status}`)}
                  </span>
                </td>
                <td className="delivery-became">
                  {became(delivery, t)}
                  {delivery.status === 'failed' && (
                    <button
                      type="button"
                      className="btn btn-sm"
                      disabled={replay.isPending}
                      onClick={() => replay.mutate(delivery.id)}
                    >
                      <RotateCcw size={13} aria-hidden /> {t('sources.deliveries.replay')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
