import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../api/client';
import { currentLang } from '../i18n/index';
import { Dialog } from '../shell/dialog';
import { useEditor } from '../store/editor-context';

/** Shows who is inside the journey and where, and that they stay on their version; then publishes. */
export function PublishDialog({
  journeyId,
  onClose,
  onPublished,
}: {
  journeyId: string;
  onClose: () => void;
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const impact = useQuery({
    queryKey: ['impact', journeyId],
    queryFn: () => call(client.journeys[':id'].impact.$get({ param: { id: journeyId } })),
  });
  const problems = useEditor((s) => s.problems);
  const definition = useEditor((s) => s.definition);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const lang = currentLang();
  const next = impact.data?.nextVersion ?? 1;

  async function publish() {
    setBusy(true);
    try {
      await call(client.journeys[':id'].publish.$post({ param: { id: journeyId } }));
      onPublished();
    } catch (e) {
      setError(e instanceof ApiError ? e.fullText(lang) : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('publish.title', { version: next })} onClose={onClose}>
      {impact.data && (
        <div className="impact" data-testid="publish-impact">
          <p>
            <strong>
              {impact.data.inFlight > 0
                ? t('publish.inFlight', { count: impact.data.inFlight })
                : t('publish.noneInFlight')}
            </strong>
          </p>
          {impact.data.byNode.length > 0 && (
            <ul className="impact-list">
              {impact.data.byNode.map((row) => (
                <li key={`${row.version}-${row.nodeId}`}>
                  <span className="impact-count">{row.runs}</span>{' '}
                  {t('publish.atNode', {
                    node: definition.nodes[row.nodeId]?.name ?? row.nodeId,
                    version: row.version,
                  })}
                </li>
              ))}
            </ul>
          )}
          <p className="help">{t('publish.stay', { version: next })}</p>
        </div>
      )}
      {problems.length > 0 && <p className="notice notice-error">{t('publish.invalid')}</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void publish()}
          disabled={busy || problems.length > 0}
          data-testid="confirm-publish"
        >
          {t('publish.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
