import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { call, client, errorText } from '../api/client';
import type { RunDetail } from '../api/models';
import { JourneyCanvas } from '../canvas/journey-canvas';
import { currentLang } from '../i18n/index';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { toast } from '../shell/toast';
import { EditorProvider } from '../store/editor-context';
import { createEditorStore } from '../store/editor-store';
import { outcomeWords, type StepWords, stepText, waitingWords } from './step-text';
import './runs.css';
import '../canvas/canvas.css';
import { Hourglass } from 'lucide-react';
import { useCan } from '../auth/access';
import { kindColorVariables } from '../canvas/kinds/index';

/** One contact's run: the path lit on the canvas, and the timeline of what happened and why. */
export default function RunPage({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const canRemove = useCan('runs.write');
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const run = useQuery({
    queryKey: ['run', runId],
    queryFn: () => call(client.runs[':id'].$get({ param: { id: runId } })),
    refetchInterval: (q) => (q.state.data?.status === 'active' ? 2_000 : false),
  });
  if (!run.data) return <p className="empty">{t('common.loading')}</p>;
  const r = run.data;
  const words: StepWords = {
    t,
    lang: currentLang(),
    journey: r.journey.definition,
    nodeName: (id: string) => nodeName(id),
  };
  const nodeName = (id: string) =>
    r.journey.definition.nodes[id]?.name ?? (id === 'trigger' ? t('editor.trigger') : id);
  const contactName = r.contact
    ? [r.contact.first_name, r.contact.last_name].filter(Boolean).join(' ')
    : '';
  const who = contactName || r.contact?.phone || r.contact?.email || '';
  async function remove() {
    setConfirming(false);
    try {
      await call(client.runs[':id'].exit.$post({ param: { id: runId } }));
      toast(t('runs.removedToast', { name: who, journey: r.journey.name }));
    } catch (error) {
      toast(errorText(error, currentLang()), 'error');
    }
    await queryClient.invalidateQueries({ queryKey: ['run', runId] });
  }
  return (
    <div className="page run-page" style={kindColorVariables()}>
      <div className="page-head">
        <div>
          <h1>
            {contactName || r.contact?.phone} · {r.journey.name}{' '}
            <span className="muted">v{r.journey.version}</span>
          </h1>
          <div className="row">
            <span className={`badge badge-${r.status}`}>{t(`runs.runStatus.${r.status}`)}</span>
            {r.outcome && (
              <span className="badge" data-testid="run-outcome">
                {outcomeWords(
                  words,
                  r.status === 'active' ? null : (r.steps.at(-1)?.node_id ?? null),
                  r.outcome,
                )}
              </span>
            )}
            {r.convertedAt && <span className="badge badge-active">★ {t('runs.converted')}</span>}
            <span className="muted">
              {r.preview
                ? t('runs.preview')
                : r.group === 'holdout'
                  ? t('runs.holdout')
                  : t('runs.treatment')}
            </span>
          </div>
        </div>
        <div className="row">
          {r.temporal.url && (
            <a className="btn btn-sm" href={r.temporal.url} target="_blank" rel="noreferrer">
              {t('runs.temporal')} ↗
            </a>
          )}
          {r.contact && (
            <Link className="btn btn-sm" href={`/sandbox/${r.contact.id}`}>
              {t('nav.sandbox')}
            </Link>
          )}
          {canRemove && r.status === 'active' && (
            <button
              type="button"
              className="btn btn-sm btn-danger"
              onClick={() => setConfirming(true)}
            >
              {t('runs.remove')}
            </button>
          )}
        </div>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('runs.removeTitle', { name: who, journey: r.journey.name })}
          confirmLabel={t('runs.remove')}
          pending={false}
          error={undefined}
          onConfirm={() => void remove()}
          onClose={() => setConfirming(false)}
        >
          <p>{t('runs.removeBody')}</p>
        </ConfirmDialog>
      )}
      {r.waitingFor && r.status === 'active' && (
        <p className="notice waiting" data-testid="waiting-for">
          <Hourglass size={14} aria-hidden />{' '}
          {t('runs.waitingUntil', {
            what: waitingWords(words, r.waitingFor),
            until: new Date(r.waitingFor.until).toLocaleString(),
          })}
        </p>
      )}
      <div className="run-grid">
        <div className="card run-canvas">
          <RunCanvas
            key={`${r.journey.id}:${r.journey.version}`}
            journey={r.journey}
            path={r.path}
          />
        </div>
        <div className="card timeline" data-testid="timeline">
          <h2>{t('runs.timeline')}</h2>
          <ol>
            {r.steps
              .filter((s) => s.kind !== 'visited')
              .map((step) => (
                <li key={step.seq} className={`step step-${step.kind}`}>
                  <span className="step-time">{new Date(step.at).toLocaleTimeString()}</span>
                  <span className="step-node">{nodeName(step.node_id)}</span>
                  <span className="step-text">{stepText(words, step)}</span>
                </li>
              ))}
          </ol>
          {r.messages.length > 0 && <h3>{t('runs.messagesTitle')}</h3>}
          {r.messages.map((m) => (
            <div key={m.id} className="message-card">
              <div className="help">
                {t(`runs.words.channel.${m.channel}`, { defaultValue: m.channel })} ·{' '}
                {t(`runs.words.messageStatus.${m.status}`, {
                  defaultValue: t('runs.words.messageStatus.any'),
                })}
              </div>
              <div>{String(m.content.text ?? m.content.preview ?? m.content.subject ?? '')}</div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/** The run's version, read-only, with the path it took lit up. */
function RunCanvas({ journey, path }: { journey: RunDetail['journey']; path: string[] }) {
  const [store] = useState(() =>
    createEditorStore({
      journeyId: journey.id,
      definition: journey.definition,
      layout: journey.layout,
      readOnly: true,
    }),
  );
  useEffect(() => store.getState().setHighlight(path), [store, path]);
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <JourneyCanvas />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
