import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, errorText } from '../api/client';
import type { RunDetail } from '../api/models';
import { currentLang } from '../i18n/index';
import { outcomeWords, waitingWords } from '../runs/step-text';
import { Phone } from '../sandbox/phone';
import { useEditor } from '../store/editor-context';

/** Runs the draft for the test contact with a day compressed into seconds; the path lights up as it goes. */
export function PreviewPanel({ journeyId, onClose }: { journeyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const setHighlight = useEditor((s) => s.setHighlight);
  const saveStatus = useEditor((s) => s.save.status);
  const [preview, setPreview] = useState<{ runId: string; contactId: string } | null>(null);
  const [error, setError] = useState<string>();
  const run = useQuery({
    queryKey: ['run', preview?.runId],
    queryFn: () => call(client.runs[':id'].$get({ param: { id: preview?.runId ?? '' } })),
    enabled: preview !== null,
    refetchInterval: (q) => (q.state.data?.status === 'active' || !q.state.data ? 700 : false),
  });
  useEffect(() => {
    if (run.data) setHighlight(run.data.path);
  }, [run.data, setHighlight]);
  useEffect(() => () => setHighlight([]), [setHighlight]);

  async function start() {
    setError(undefined);
    try {
      setPreview(
        await call(client.journeys[':id'].preview.$post({ param: { id: journeyId }, json: {} })),
      );
    } catch (e) {
      setError(errorText(e, currentLang()));
    }
  }
  return (
    <aside className="inspector preview-panel" aria-label={t('editor.preview')}>
      <header className="inspector-head">
        ▶ {t('editor.preview')}
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          style={{ marginLeft: 'auto' }}
          onClick={onClose}
        >
          {t('common.close')}
        </button>
      </header>
      <p className="help">1 {t('inspector.units.days')} = 10 s</p>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void start()}
        disabled={saveStatus !== 'saved'}
        data-testid="start-preview"
      >
        ▶ {preview ? t('common.retry') : t('editor.preview')}
      </button>
      {error && <p className="notice notice-error">{error}</p>}
      {run.data && (
        <p className="preview-state" data-testid="preview-state">
          {run.data.status === 'active'
            ? run.data.waitingFor
              ? t('runs.waitingUntil', {
                  what: waitingWords(
                    {
                      t,
                      lang: currentLang(),
                      journey: run.data.journey.definition,
                      nodeName: (id) => id,
                    },
                    run.data.waitingFor,
                  ),
                  until: new Date(run.data.waitingFor.until).toLocaleString(),
                })
              : '…'
            : t('runs.steps.ended', {
                outcome: outcomeWords(
                  {
                    t,
                    lang: currentLang(),
                    journey: run.data.journey.definition,
                    nodeName: (id) => id,
                  },
                  run.data.currentNode,
                  run.data.outcome,
                ),
              })}
        </p>
      )}
      {preview && <Phone contactId={preview.contactId} refetchMs={800} />}
    </aside>
  );
}
