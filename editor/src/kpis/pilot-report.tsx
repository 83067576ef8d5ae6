import { eventNoun } from '@ruta/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { call, client } from '../api/client';
import { currentLang } from '../i18n/index';
import { StatusBadge } from '../journeys/status-badge';
import './kpis.css';
import { formatPoints, formatSeconds } from './percent';
import { RateTable } from './rate-table';

/**
 * The pilot's report, for a shop owner: the question it answered, treatment against control with
 * the interval, what the journey added and what each added sale cost, and a verdict in plain
 * words (or how many more runs it takes to know). Printable: the browser saves it as PDF.
 */
export default function PilotReport({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const journey = useQuery({
    queryKey: ['journey', journeyId],
    queryFn: () => call(client.journeys[':id'].$get({ param: { id: journeyId } })),
  });
  const data = useQuery({
    queryKey: ['analytics', journeyId, {}],
    queryFn: () =>
      call(client.journeys[':id'].analytics.$get({ param: { id: journeyId }, query: {} })),
  });
  if (!data.data || !journey.data) return <p className="empty">{t('common.loading')}</p>;
  const a = data.data;
  const j = journey.data;
  const money = new Intl.NumberFormat({ es: 'es-MX', pt: 'pt-BR', en: 'en-US' }[lang], {
    style: 'currency',
    currency: a.cost.currency,
    maximumFractionDigits: 2,
  });
  const date = new Intl.DateTimeFormat({ es: 'es-MX', pt: 'pt-BR', en: 'en-US' }[lang], {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const day = (iso: string) => date.format(new Date(`${iso}T00:00:00Z`));
  const first = a.series[0]?.day;
  const last = j.activation?.pilot?.endsAt ?? a.series.at(-1)?.day;
  const { absolute } = a.lift;
  const verdict = !a.goal.event
    ? t('report.noGoal')
    : !absolute
      ? t('report.noHoldout')
      : a.lift.conclusive && absolute.ci95.low > 0
        ? t('report.raised', {
            low: formatPoints(absolute.ci95.low, false),
            high: formatPoints(absolute.ci95.high, false),
          })
        : a.lift.conclusive && absolute.ci95.high < 0
          ? t('report.lowered', {
              low: formatPoints(-absolute.ci95.high, false),
              high: formatPoints(-absolute.ci95.low, false),
            })
          : a.lift.needed_per_group === null
            ? t('report.noDifference')
            : t('report.notYet', { n: a.lift.needed_per_group });
  const channels = new Map<string, { sent: number; cost: number }>();
  for (const m of Object.values(a.messages))
    for (const [channel, c] of Object.entries(m.by_channel)) {
      const row = channels.get(channel) ?? { sent: 0, cost: 0 };
      channels.set(channel, { sent: row.sent + c.sent, cost: row.cost + c.cost });
    }
  return (
    <div className="page pilot-report" data-testid="pilot-report">
      <div className="page-head">
        <div>
          <h1>
            {t('report.title')} · {j.name}
          </h1>
          <div className="row">
            <StatusBadge
              status={j.status}
              published={j.activeVersion !== null}
              phase={j.pilotPhase}
            />
            {first && last && (
              <span className="help">
                {t('report.period', { from: day(first), to: day(last) })}
              </span>
            )}
          </div>
        </div>
        <div className="row no-print">
          <Link href={`/journeys/${journeyId}/kpis`}>← {t('common.back')}</Link>
          <button type="button" className="btn btn-sm" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        </div>
      </div>
      {a.goal.event && (
        <p className="report-question">
          {t('report.question', { goal: eventNoun(a.goal.event)[lang] })}
        </p>
      )}
      <div className="card report-verdict" data-testid="report-verdict">
        <h2>{t('report.verdict')}</h2>
        <p>{verdict}</p>
      </div>
      <div className="card">
        <RateTable
          heading={t('report.group')}
          rows={(['treatment', 'holdout'] as const).map((key) => ({
            ...a.lift[key],
            key,
            label: t(`analytics.${key}`),
          }))}
        />
        <dl className="report-facts">
          <div>
            <dt>{t('report.lift')}</dt>
            <dd>
              {absolute
                ? `${formatPoints(absolute.value)} (${t('report.interval')}: ${formatPoints(absolute.ci95.low)} – ${formatPoints(absolute.ci95.high)})`
                : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('report.incremental')}</dt>
            <dd>
              {a.cost.incremental_conversions === null
                ? '—'
                : a.cost.incremental_conversions.toFixed(1)}
            </dd>
          </div>
          <div>
            <dt>{t('report.costPerIncremental')}</dt>
            <dd>
              {a.cost.per_incremental_conversion === null
                ? '—'
                : money.format(a.cost.per_incremental_conversion)}
            </dd>
          </div>
          <div>
            <dt>{t('report.timeToConvert')}</dt>
            <dd>
              {t('analytics.timeToConvertBody', {
                median: formatSeconds(a.goal.median_seconds_to_convert),
                p90: formatSeconds(a.goal.p90_seconds_to_convert),
              })}
            </dd>
          </div>
        </dl>
      </div>
      <div className="card">
        <h2>{t('report.channels')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t('report.channel')}</th>
              <th className="num">{t('report.sent')}</th>
              <th className="num">{t('report.cost')}</th>
            </tr>
          </thead>
          <tbody>
            {[...channels].map(([channel, c]) => (
              <tr key={channel}>
                <td>{t(`runs.words.channel.${channel}`, { defaultValue: channel })}</td>
                <td className="num">{c.sent}</td>
                <td className="num">{money.format(c.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
