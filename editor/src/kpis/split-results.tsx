import { useTranslation } from 'react-i18next';
import type { JourneyAnalytics } from '../api/models';
import { formatPercent, formatPoints } from './percent';

type Split = JourneyAnalytics['splits'][string];

/** One A/B split: each variant's conversion with its interval, and a winner only once it is one. */
export function SplitResults({ id, name, split }: { id: string; name: string; split: Split }) {
  const { t } = useTranslation();
  const winner = split.variants.find((v) => v.port === split.winner);
  return (
    <div className="card" data-testid={`kpi-split-${id}`}>
      <h2 className="card-title">{t('analytics.splitTitle', { name })}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('analytics.variant')}</th>
            <th className="num">{t('report.entered')}</th>
            <th className="num">{t('report.converted')}</th>
            <th className="num">{t('report.rate')}</th>
            <th className="num">{t('report.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {split.variants.map((v) => (
            <tr key={v.port}>
              <td>
                {v.label}{' '}
                {v.port === split.winner && (
                  <span className="badge badge-active">{t('analytics.winner')}</span>
                )}
              </td>
              <td className="num">{v.entered}</td>
              <td className="num">{v.converted}</td>
              <td className="num">{formatPercent(v.rate)}</td>
              <td className="num">
                {v.ci95 ? `${formatPercent(v.ci95.low)} – ${formatPercent(v.ci95.high)}` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help card-foot">
        {winner && split.difference
          ? t('analytics.winnerBy', {
              label: winner.label,
              points: formatPoints(split.difference.value, false),
              low: formatPoints(split.difference.ci95.low),
              high: formatPoints(split.difference.ci95.high),
            })
          : t('analytics.noWinner')}
      </p>
    </div>
  );
}
