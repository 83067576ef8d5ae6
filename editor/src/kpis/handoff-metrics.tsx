import { useTranslation } from 'react-i18next';
import type { JourneyAnalytics } from '../api/models';
import { formatPercent, formatSeconds } from './percent';

type Queue = JourneyAnalytics['handoffs'][number];

/**
 * What happened to the conversations the journey handed to people, per queue: the seed's first
 * response time and "conversational conversion" (goal conversions, beside the agents' results).
 */
export function HandoffMetrics({ queues }: { queues: Queue[] }) {
  const { t } = useTranslation();
  if (queues.length === 0) return null;
  return (
    <div className="card" data-testid="kpi-handoffs">
      <h2 className="card-title">{t('analytics.handoffsTitle')}</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('analytics.queue')}</th>
              <th className="num">{t('analytics.handoffs')}</th>
              <th className="num">{t('analytics.handoffsOpen')}</th>
              <th className="num">{t('analytics.firstResponse')}</th>
              <th className="num">{t('analytics.timeToClose')}</th>
              <th className="num">{t('analytics.resultSold')}</th>
              <th className="num">{t('analytics.resultSolved')}</th>
              <th className="num">{t('analytics.resultNoSale')}</th>
              <th className="num">{t('analytics.handoffsConverted')}</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => (
              <tr key={q.queue} data-queue={q.queue}>
                <td>{q.queue}</td>
                <td className="num">{q.total}</td>
                <td className="num">{q.open}</td>
                <td className="num">
                  {formatSeconds(q.first_response_median_seconds)}
                  {q.first_response_p90_seconds !== null && (
                    <span className="help">
                      {' '}
                      · p90 {formatSeconds(q.first_response_p90_seconds)}
                    </span>
                  )}
                </td>
                <td className="num">{formatSeconds(q.close_median_seconds)}</td>
                <td className="num">{q.sold}</td>
                <td className="num">{q.solved}</td>
                <td className="num">{q.no_sale}</td>
                <td className="num">
                  {q.converted}{' '}
                  <span className="help">
                    ({formatPercent(q.total > 0 ? q.converted / q.total : null)})
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="help card-foot">{t('analytics.handoffsHelp')}</p>
    </div>
  );
}
