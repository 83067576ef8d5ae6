import { EXIT_OUTCOMES, type NodeType, nodeKinds, TRIGGER_NODE_ID } from '@ruta/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { call, client } from '../api/client';
import type { JourneySummary, RunSummary } from '../api/models';
import { currentLang } from '../i18n/index';
import { outcomeWord, RunStatusBadge } from './run-status';

/** Every outcome a run can end with, for the filter: the exit outcomes, then the engine's own. */
const OUTCOMES = [...Object.keys(EXIT_OUTCOMES), 'removed', 'goal', 'failed'];

/** Runs with filters: journey, status, step (by name), customer, outcome. */
export default function RunsPage() {
  const { t } = useTranslation();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const [journeyId, setJourneyId] = useState(search.get('journeyId') ?? '');
  const [status, setStatus] = useState(search.get('status') ?? '');
  const [step, setStep] = useState(search.get('step') ?? search.get('nodeId') ?? '');
  const [q, setQ] = useState(search.get('q') ?? '');
  const [outcome, setOutcome] = useState(search.get('outcome') ?? '');
  const lang = currentLang();
  const journeys = useQuery({
    queryKey: ['journeys'],
    queryFn: () => call(client.journeys.$get()),
  });
  const query = {
    ...(journeyId ? { journeyId } : {}),
    ...(status ? { status: status as RunSummary['status'] } : {}),
    ...(step.trim() ? { step: step.trim() } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(outcome ? { outcome } : {}),
  };
  const outcomeText = (code: string) => outcomeWord(t, lang, code);
  const stepText = (r: RunSummary) =>
    r.current_node_name ||
    (r.current_node === TRIGGER_NODE_ID
      ? t('editor.trigger')
      : r.current_node_type && r.current_node_type in nodeKinds
        ? nodeKinds[r.current_node_type as NodeType].label[lang]
        : r.current_node
          ? t('runs.words.step')
          : '—');
  const runs = useQuery({
    queryKey: ['runs', query],
    queryFn: () => call(client.runs.$get({ query })),
    refetchInterval: 3_000,
  });
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('runs.title')}</h1>
        <a
          className="btn btn-sm"
          href={`/api/runs/export${journeyId ? `?journeyId=${journeyId}` : ''}`}
          download
          data-testid="runs-export"
        >
          {t('runs.exportCsv')}
        </a>
      </div>
      <div className="row filters">
        <select
          className="input"
          aria-label={t('runs.journey')}
          value={journeyId}
          onChange={(e) => setJourneyId(e.target.value)}
        >
          <option value="">
            {t('runs.journey')}: {t('common.all')}
          </option>
          {journeys.data?.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label={t('journeys.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          <option value="">
            {t('journeys.status')}: {t('common.all')}
          </option>
          <option value="active">{t('status.active')}</option>
          <option value="completed">{t('status.completed')}</option>
          <option value="failed">{t('status.failed')}</option>
        </select>
        <select
          className="input"
          aria-label={t('runs.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
        >
          <option value="">
            {t('runs.outcome')}: {t('common.all')}
          </option>
          {OUTCOMES.map((code) => (
            <option key={code} value={code}>
              {outcomeText(code)}
            </option>
          ))}
        </select>
        <input
          className="input"
          placeholder={t('runs.stepSearch')}
          aria-label={t('runs.stepSearch')}
          value={step}
          onChange={(e) => setStep(e.target.value)}
        />
        <input
          className="input"
          placeholder={t('runs.contactSearch')}
          aria-label={t('runs.contactSearch')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="runs-contact-search"
        />
      </div>
      <div className="card">
        <table className="table">
          <thead>
            <tr>
              <th>{t('runs.contact')}</th>
              <th>{t('runs.journey')}</th>
              <th>{t('journeys.status')}</th>
              <th>{t('runs.node')}</th>
              <th>{t('runs.outcome')}</th>
              <th>{t('runs.group')}</th>
              <th>{t('runs.started')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data?.map((r) => (
              <tr key={r.id} className="clickable" onClick={() => navigate(`/runs/${r.id}`)}>
                <td>
                  <strong>{r.contact_name || r.phone || r.email}</strong>
                  <div className="help">{r.phone}</div>
                </td>
                <td>
                  {r.journey_name} <span className="muted">v{r.version}</span>
                </td>
                <td>
                  <RunStatusBadge status={r.status} />
                </td>
                <td>{stepText(r)}</td>
                <td>
                  {r.outcome
                    ? r.current_node_type === 'exit' && r.current_node_name
                      ? r.current_node_name
                      : outcomeText(r.outcome)
                    : '—'}
                  {r.converted_at ? ' ★' : ''}
                </td>
                <td>
                  {r.preview
                    ? t('runs.preview')
                    : r.pilot_group === 'holdout'
                      ? t('runs.holdout')
                      : t('runs.treatment')}
                </td>
                <td className="muted">{new Date(r.started_at).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {runs.data?.length === 0 && <p className="empty">{t('common.none')}</p>}
      </div>
    </div>
  );
}
