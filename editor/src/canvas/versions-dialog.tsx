import type { JourneyDefinition, JourneyLayout } from '@ruta/shared';
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../api/client';
import type { JourneyVersion } from '../api/models';
import { intlLocale } from '../i18n/index';
import { Dialog } from '../shell/dialog';
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
          {versions.data?.map((v) => (
            <tr key={v.id}>
              <td>
                <strong>v{v.version}</strong>
              </td>
              <td className="muted">{date.format(new Date(v.published_at))}</td>
              <td className="num">{t('versions.runs', { count: v.runs })}</td>
              <td className="num">{t('versions.inFlight', { count: v.active_runs })}</td>
              <td>
                <button type="button" className="btn btn-sm" onClick={() => setOpen(v)}>
                  {t('versions.view')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && store && (
        <section className="version-canvas" aria-label={`v${open.version}`}>
          <EditorProvider store={store}>
            <ReactFlowProvider>
              <JourneyCanvas />
            </ReactFlowProvider>
          </EditorProvider>
        </section>
      )}
    </Dialog>
  );
}
