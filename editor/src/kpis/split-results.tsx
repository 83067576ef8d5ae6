import { useTranslation } from 'react-i18next';
import type { JourneyAnalytics } from '../api/models';
import { formatPoints } from './percent';
import { RateTable } from './rate-table';

type Split = JourneyAnalytics['splits'][string];

/** One A/B split: each variant's conversion with its interval, and a winner only once it is one. */
export function SplitResults({ id, name, split }: { id: string; name: string; split: Split }) {
  const { t } = useTranslation();
  const winner = split.variants.find((v) => v.port === split.winner);
  return (
    <div className="card" data-testid={`kpi-split-${id}`}>
      <h2 className="card-title">{t('analytics.splitTitle', { name })}</h2>
      <RateTable
        heading={t('analytics.variant')}
        rows={split.variants.map((v) => ({
          ...v,
          key: v.port,
          label: (
            <>
              {v.label}{' '}
              {v.port === split.winner && (
                <span className="badge badge-active">{t('analytics.winner')}</span>
              )}
            </>
          ),
        }))}
      />
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
