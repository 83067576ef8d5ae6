import { diffJourneys } from '@ruta/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../api/client';
import type { JourneyVersion } from '../api/models';
import { intlLocale } from '../i18n/index';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { Dialog } from '../shell/dialog';
import { toast } from '../shell/toast';
import { EditorProvider } from '../store/editor-context';
import { createEditorStore } from '../store/editor-store';
import { JourneyCanvas } from './journey-canvas';

/** Every published version: when, how many runs entered with it, how many are still inside; each viewable read-only. */
export function VersionsDialog({ journeyId, onClose }: { journeyId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const versions = useQuery({
    queryKey: ['versions', journeyId],
    queryFn: () => call(client.journeys[':id'].versions.$get({ param: { id: journeyId } })),
  });
  const [open, setOpen] = useState<JourneyVersion | null>(null);
  const [restoring, setRestoring] = useState<JourneyVersion | null>(null);
  const restore = useMutation({
    mutationFn: (v: JourneyVersion) =>
      call(
        client.journeys[':id'].versions[':versionId'].restore.$post({
          param: { id: journeyId, versionId: v.id },
        }),
      ),
    onSuccess: (_journey, v) => {
      toast(t('versions.restored', { version: v.version }));
      // The canvas holds the draft it opened with: open the restored one afresh.
      setTimeout(() => window.location.assign(`/journeys/${journeyId}`), 600);
    },
  });
  const list = versions.data ?? [];
  const store = useMemo(
    () =>
      open
        ? createEditorStore({
            journeyId,
            definition: open.definition,
            layout: open.layout,
            readOnly: true,
          })
        : null,
    [open, journeyId],
  );
  const date = new Intl.DateTimeFormat(intlLocale(i18n.resolvedLanguage), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <Dialog title={t('editor.versions')} onClose={onClose} wide>
      {versions.data?.length === 0 && <p className="muted">{t('common.none')}</p>}
      <table className="table" data-testid="versions">
        <tbody>
          {list.map((v, index) => {
            const previous = list[index + 1];
            const diff = previous ? diffJourneys(previous.definition, v.definition) : null;
            return (
              <tr key={v.id}>
                <td>
                  <strong>v{v.version}</strong>
                </td>
                <td className="muted">
                  {date.format(new Date(v.published_at))}
                  {v.author && <div className="help">{t('versions.by', { author: v.author })}</div>}
                </td>
                <td className="help" data-testid={`version-diff-${v.version}`}>
                  {diff
                    ? t('versions.diff', {
                        added: diff.added.length,
                        removed: diff.removed.length,
                        changed: diff.changed.length,
                      })
                    : t('versions.first')}
                </td>
                <td className="num">{t('versions.runs', { count: v.runs })}</td>
                <td className="num">{t('versions.inFlight', { count: v.active_runs })}</td>
                <td>
                  <button type="button" className="btn btn-sm" onClick={() => setOpen(v)}>
                    {t('versions.view')}
                  </button>{' '}
                  <button
                    type="button"
                    className="btn btn-sm"
                    onClick={() => setRestoring(v)}
                    data-testid={`restore-v${v.version}`}
                  >
                    {t('versions.restore')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {restoring && (
        <ConfirmDialog
          title={t('versions.restoreTitle', { version: restoring.version })}
          confirmLabel={t('versions.restore')}
          pending={restore.isPending}
          error={restore.error}
          onConfirm={() => restore.mutate(restoring)}
          onClose={() => setRestoring(null)}
        >
          <p>{t('versions.restoreBody', { version: restoring.version })}</p>
        </ConfirmDialog>
      )}
      {open && store && (
        <section className="version-canvas" aria-label={`v${open.version}`}>
          <EditorProvider store={store}>
            <ReactFlowProvider>
              <JourneyCanvas />
            </ReactFlowProvider>
          </EditorProvider>
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
