import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call, client } from '../api/client';
import type { JourneySummary } from '../api/models';
import { JourneyActions } from './journey-actions';
import { NewJourneyDialog } from './new-journey-dialog';
import { StatusBadge } from './status-badge';
import './journeys.css';
import { useCan } from '../auth/access';
import { intlLocale } from '../i18n/index';
import { formatPercent } from '../kpis/percent';

export function JourneysPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const journeys = useQuery({
    queryKey: ['journeys'],
    queryFn: () => call(client.journeys.$get()),
    refetchInterval: 5_000,
  });
  const canWrite = useCan('journeys.write');
  const date = new Intl.DateTimeFormat(intlLocale(i18n.resolvedLanguage), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('journeys.title')}</h1>
          <p className="muted">{t('journeys.subtitle')}</p>
        </div>
        {canWrite && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            + {t('journeys.new')}
          </button>
        )}
      </div>
      <div className="card">
        {journeys.isLoading ? (
          <p className="empty">{t('common.loading')}</p>
        ) : journeys.data?.length ? (
          <table className="table">
            <thead>
              <tr>
                <th>{t('journeys.name')}</th>
                <th>{t('journeys.status')}</th>
                <th>{t('journeys.version')}</th>
                <th className="num">{t('journeys.entered')}</th>
                <th className="num">{t('journeys.converted')}</th>
                <th className="num">{t('journeys.inFlight')}</th>
                <th>{t('journeys.updated')}</th>
                {canWrite && (
                  <th>
                    <span className="sr-only">{t('journeys.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {journeys.data.map((j) => (
                <tr key={j.id} className="clickable" onClick={() => navigate(`/journeys/${j.id}`)}>
                  <td>
                    <a
                      href={`/journeys/${j.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`/journeys/${j.id}`);
                      }}
                    >
                      <strong>{j.name}</strong>
                    </a>
                    {j.pilot && j.status === 'active' && (
                      <div className="help">
                        {t('activate.holdout')}: {j.pilot.holdoutPercent}% · {t('activate.endsAt')}:{' '}
                        {j.pilot.endsAt ?? '—'}
                      </div>
                    )}
                  </td>
                  <td>
                    <StatusBadge
                      status={j.status}
                      published={j.version !== null}
                      phase={j.pilotPhase}
                    />
                  </td>
                  <td>{j.version ? `v${j.version}` : '—'}</td>
                  <td className="num">{j.entered}</td>
                  <td className="num">
                    {j.converted}
                    {j.conversionRate !== null && (
                      <span className="help"> ({formatPercent(j.conversionRate)})</span>
                    )}
                  </td>
                  <td className="num">{j.inFlight}</td>
                  <td className="muted">{date.format(new Date(j.updatedAt))}</td>
                  {canWrite && (
                    <td>
                      <JourneyActions journey={j} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="empty">
            <p>{t('journeys.empty')}</p>
            {canWrite && (
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                + {t('journeys.new')}
              </button>
            )}
          </div>
        )}
      </div>
      {creating && <NewJourneyDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
