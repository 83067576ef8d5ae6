import { eventNoun } from '@ruta/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Link } from 'wouter';
import { call, client } from '../api/client';
import type { JourneyDetail } from '../api/models';
import { currentLang } from '../i18n/index';
import { StatusBadge } from '../journeys/status-badge';
import './kpis.css';
import { downloadCsv } from './csv';
import { HandoffMetrics } from './handoff-metrics';
import { formatPercent, formatPoints, formatSeconds } from './percent';
import { SplitResults } from './split-results';

/** '12.5 %'; in Portuguese with a decimal comma and no space, as Brazilians write it: '12,5%'. */
const pct = formatPercent;

/** The pilot's KPIs: conversion, lift against the holdout with its interval, cost per conversion, funnel, trend. */
export default function KpiPage({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const journey = useQuery({
    queryKey: ['journey', journeyId],
    queryFn: () => call(client.journeys[':id'].$get({ param: { id: journeyId } })),
  });
  // The days runs entered, in the browser's zone (empty: the whole pilot).
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(from || to ? { tz } : {}) };
  const data = useQuery({
    queryKey: ['analytics', journeyId, range],
    queryFn: () =>
      call(client.journeys[':id'].analytics.$get({ param: { id: journeyId }, query: range })),
    refetchInterval: 5_000,
  });
  if (!data.data || !journey.data) return <p className="empty">{t('common.loading')}</p>;
  const a = data.data;
  const money = new Intl.NumberFormat({ es: 'es-MX', pt: 'pt-BR', en: 'en-US' }[lang], {
    style: 'currency',
    currency: a.cost.currency,
    maximumFractionDigits: 2,
  });
  let cumT = 0;
  let cumH = 0;
  let entT = 0;
  let entH = 0;
  const series = a.series.map((d) => {
    entT += d.entered.treatment;
    entH += d.entered.holdout;
    cumT += d.conversions.treatment;
    cumH += d.conversions.holdout;
    return {
      day: d.day.slice(5),
      treatment: entT ? (100 * cumT) / entT : 0,
      holdout: entH ? (100 * cumH) / entH : 0,
    };
  });
  const nodeName = (id: string) => journey.data?.draft.nodes[id]?.name ?? id;
  const messageRows = () => [
    [
      t('analytics.message'),
      t('analytics.sent'),
      t('analytics.delivered'),
      t('analytics.read'),
      t('analytics.replied'),
      t('analytics.clicked'),
      t('analytics.failed'),
      t('runs.holdout'),
      `${t('analytics.cost')} (${a.cost.currency})`,
    ],
    ...Object.entries(a.messages).map(([node, m]) => [
      nodeName(node),
      m.sent,
      m.delivered,
      m.read,
      m.replied,
      m.clicked,
      m.failed,
      m.held_out,
      m.cost,
    ]),
  ];
  return (
    <div className="page kpi-page">
      <div className="page-head">
        <div>
          <h1>
            {journey.data.name} · {t('editor.kpis')}
          </h1>
          <div className="row">
            <StatusBadge
              status={journey.data.status}
              published={journey.data.activeVersion !== null}
              phase={journey.data.pilotPhase}
            />
            <Link href={`/journeys/${journeyId}/report`}>{t('report.open')}</Link>
            <Link href={`/journeys/${journeyId}`}>← {t('common.back')}</Link>
          </div>
        </div>
        <div className="row kpi-range">
          <span className="help">{t('analytics.range')}</span>
          <label className="help">
            {t('analytics.rangeFrom')}{' '}
            <input
              type="date"
              className="input input-sm"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              data-testid="kpi-from"
            />
          </label>
          <label className="help">
            {t('analytics.rangeTo')}{' '}
            <input
              type="date"
              className="input input-sm"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              data-testid="kpi-to"
            />
          </label>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => downloadCsv(`${journey.data?.name ?? 'kpis'}.csv`, messageRows())}
          >
            {t('analytics.exportCsv')}
          </button>
        </div>
      </div>
      <div className="kpi-cards">
        <div className="card kpi-card">
          <div className="kpi-label">{t('analytics.conversion')}</div>
          <div className="kpi-value">{pct(a.goal.rate)}</div>
          <div className="help">
            {a.goal.conversions} / {a.goal.entered} ·{' '}
            {a.goal.event ? eventNoun(a.goal.event)[currentLang()] : '—'}
          </div>
          {a.goal.median_seconds_to_convert !== null && (
            <div className="help" data-testid="kpi-time-to-convert">
              {t('analytics.timeToConvert')}:{' '}
              {t('analytics.timeToConvertBody', {
                median: formatSeconds(a.goal.median_seconds_to_convert),
                p90: formatSeconds(a.goal.p90_seconds_to_convert),
              })}
            </div>
          )}
        </div>
        <div className="card kpi-card" data-testid="kpi-lift">
          <div className="kpi-label">{t('analytics.lift')}</div>
          <div className={a.lift.significant ? 'kpi-value positive' : 'kpi-value'}>
            {a.lift.absolute ? formatPoints(a.lift.absolute.value) : '—'}
          </div>
          {a.lift.absolute && (
            <div className="help">
              {t('analytics.interval', {
                low: formatPoints(a.lift.absolute.ci95.low),
                high: formatPoints(a.lift.absolute.ci95.high),
              })}
            </div>
          )}
          <table className="mini-table">
            <tbody>
              <tr>
                <td>{t('analytics.treatment')}</td>
                <td>
                  {a.lift.treatment.converted}/{a.lift.treatment.entered}
                </td>
                <td>{pct(a.lift.treatment.rate)}</td>
              </tr>
              <tr>
                <td>{t('analytics.holdout')}</td>
                <td>
                  {a.lift.holdout.converted}/{a.lift.holdout.entered}
                </td>
                <td>{pct(a.lift.holdout.rate)}</td>
              </tr>
            </tbody>
          </table>
          {a.lift.note && <div className="help note">{a.lift.note[lang]}</div>}
        </div>
        <div className="card kpi-card">
          <div className="kpi-label">{t('analytics.costPerConversion')}</div>
          <div className="kpi-value">
            {a.cost.per_conversion === null ? '—' : money.format(a.cost.per_conversion)}
          </div>
          <div className="help">
            {t('analytics.costTotal', { amount: money.format(a.cost.total) })}
            {a.cost.per_incremental_conversion !== null
              ? ` · ${t('analytics.costIncremental', { amount: money.format(a.cost.per_incremental_conversion) })}`
              : ''}
          </div>
        </div>
      </div>
      <div className="card chart-card">
        <h2>
          {t('analytics.conversion')} — {t('analytics.treatment')} vs {t('analytics.holdout')}
        </h2>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={series} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid stroke="#e2e6ee" vertical={false} />
            <XAxis dataKey="day" fontSize={12} />
            <YAxis unit="%" fontSize={12} />
            <Tooltip formatter={(v) => pct(Number(v) / 100)} />
            <Legend />
            <Line
              type="monotone"
              dataKey="treatment"
              name={t('analytics.treatment')}
              stroke="#0c7a63"
              strokeWidth={2.5}
              dot={series.length < 3}
            />
            <Line
              type="monotone"
              dataKey="holdout"
              name={t('analytics.holdout')}
              stroke="#94a3b8"
              strokeWidth={2.5}
              strokeDasharray="5 4"
              dot={series.length < 3}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="card">
        <table className="table">
          <thead>
            <tr>
              <th>{t('analytics.message')}</th>
              <th className="num">{t('analytics.sent')}</th>
              <th className="num">{t('analytics.delivered')}</th>
              <th className="num">{t('analytics.read')}</th>
              <th className="num">{t('analytics.replied')}</th>
              <th className="num">{t('analytics.clicked')}</th>
              <th className="num">{t('analytics.failed')}</th>
              <th className="num">{t('runs.holdout')}</th>
              <th className="num">{t('analytics.cost')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(a.messages).map(([node, m]) => (
              <tr key={node}>
                <td>{nodeName(node)}</td>
                <td className="num">{m.sent}</td>
                <td className="num">{m.delivered}</td>
                <td className="num">{m.read}</td>
                <td className="num">{m.replied}</td>
                <td className="num">{m.clicked}</td>
                <td className="num">{m.failed}</td>
                <td className="num">{m.held_out}</td>
                <td className="num">{money.format(m.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {Object.entries(a.splits).map(([id, split]) => (
        <SplitResults key={id} id={id} name={nodeName(id)} split={split} />
      ))}
      <HandoffMetrics queues={a.handoffs} />
      {a.cost.breakdown.length > 0 && (
        <div className="card" data-testid="kpi-cost-breakdown">
          <h2 className="card-title">{t('analytics.breakdown')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th>{t('analytics.channel')}</th>
                <th>{t('analytics.category')}</th>
                <th>{t('analytics.window')}</th>
                <th className="num">{t('analytics.sent')}</th>
                <th className="num">{t('analytics.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {a.cost.breakdown.map((line) => (
                <tr key={`${line.channel}-${line.category}-${line.in_window}`}>
                  <td>{t(`runs.words.channel.${line.channel}`, { defaultValue: line.channel })}</td>
                  <td>
                    {line.category ? t(`prices.${line.category}`, { defaultValue: '—' }) : '—'}
                  </td>
                  <td>
                    {line.in_window === null
                      ? '—'
                      : t(line.in_window ? 'analytics.inWindow' : 'analytics.outWindow')}
                  </td>
                  <td className="num">{line.sent}</td>
                  <td className="num">{money.format(line.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
