import { useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, ChartColumn, LayoutGrid, Maximize, Play, Redo2, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { call, client } from '../api/client';
import type { JourneyDetail } from '../api/models';
import { useCan, useRole } from '../auth/access';
import { StatusBadge } from '../journeys/status-badge';
import { toast } from '../shell/toast';
import { useEditor } from '../store/editor-context';
import { ActivateDialog } from './activate-dialog';
import { layoutJourney } from './elk-layout';
import { PublishDialog } from './publish-dialog';
import { StopDialog } from './stop-dialog';
import { useReadableFit } from './use-readable-fit';
import { VersionsDialog } from './versions-dialog';

function SaveState() {
  const { t } = useTranslation();
  const save = useEditor((s) => s.save);
  const readOnly = useEditor((s) => s.readOnly);
  const canWrite = useCan('journeys.write');
  const role = useRole();
  if (!canWrite && role)
    return (
      <span className="save-state" data-testid="save-state">
        {t('access.readOnlyRole', { role: t(`roles.${role}`) })}
      </span>
    );
  if (readOnly) return <span className="save-state">{t('editor.readOnly')}</span>;
  const label = {
    saved: t('editor.saved'),
    dirty: t('editor.unsaved'),
    saving: t('editor.saving'),
    failed: t('editor.saveFailed'),
  }[save.status];
  return (
    <span
      className={`save-state save-${save.status}`}
      role="status"
      aria-live="polite"
      data-testid="save-state"
      title={save.error}
    >
      {save.status === 'saved' ? '✓ ' : save.status === 'failed' ? '⚠ ' : '• '}
      {label}
    </span>
  );
}

export function EditorToolbar({
  journey,
  analytics,
  onToggleAnalytics,
  onPreview,
}: {
  journey: JourneyDetail;
  analytics: boolean;
  onToggleAnalytics: () => void;
  onPreview: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fit = useReadableFit();
  const undo = useEditor((s) => s.undo);
  const redo = useEditor((s) => s.redo);
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const problems = useEditor((s) => s.problems.length);
  const definition = useEditor((s) => s.definition);
  const applyLayout = useEditor((s) => s.applyLayout);
  const saveStatus = useEditor((s) => s.save.status);
  const canWrite = useCan('journeys.write');
  const [dialog, setDialog] = useState<'publish' | 'activate' | 'versions' | 'stop' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['journey', journey.id] });

  async function transition(action: 'pause' | 'resume') {
    await call(client.journeys[':id'][action].$post({ param: { id: journey.id } }));
    toast(
      t(action === 'pause' ? 'editor.pausedToast' : 'editor.resumedToast', { name: journey.name }),
    );
    await refresh();
  }

  return (
    <div className="editor-toolbar">
      <Link href="/" className="btn btn-ghost btn-sm" aria-label={t('common.back')}>
        <ArrowLeft size={16} />
      </Link>
      <div className="editor-title">
        <strong>{journey.name}</strong>
        <StatusBadge
          status={journey.status}
          published={journey.activeVersion !== null}
          phase={journey.pilotPhase}
        />
        {journey.activeVersion && <span className="muted">v{journey.activeVersion.version}</span>}
      </div>
      <SaveState />
      <span
        className={problems ? 'problems-count has' : 'problems-count'}
        data-testid="problems-count"
      >
        {problems
          ? `⚠ ${t('editor.problems', { count: problems })}`
          : `✓ ${t('editor.noProblems')}`}
      </span>
      <div className="toolbar-group">
        <button
          type="button"
          className="btn btn-sm"
          onClick={undo}
          disabled={!canUndo}
          title={`${t('editor.undo')} (Ctrl+Z)`}
          aria-label={t('editor.undo')}
        >
          <Undo2 size={14} />
        </button>
        <button
          type="button"
          className="btn btn-sm"
          onClick={redo}
          disabled={!canRedo}
          title={`${t('editor.redo')} (Ctrl+Shift+Z)`}
          aria-label={t('editor.redo')}
        >
          <Redo2 size={14} />
        </button>
        <button
          type="button"
          className="btn btn-sm"
          title={t('editor.layout')}
          aria-label={t('editor.layout')}
          onClick={async () => {
            applyLayout((await layoutJourney(definition)).layout);
            setTimeout(() => fit(300), 50);
          }}
        >
          <LayoutGrid size={14} />
        </button>
        <button
          type="button"
          className="btn btn-sm"
          title={t('editor.fit')}
          aria-label={t('editor.fit')}
          onClick={() => fit(300)}
        >
          <Maximize size={14} />
        </button>
      </div>
      <div className="toolbar-group right">
        <button
          type="button"
          className={analytics ? 'btn btn-sm active' : 'btn btn-sm'}
          aria-pressed={analytics}
          onClick={onToggleAnalytics}
        >
          <ChartColumn size={14} /> {t('editor.analytics')}
        </button>
        {journey.versions.length > 0 && (
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => setDialog('versions')}
            data-testid="versions-button"
          >
            {t('editor.versions')}
          </button>
        )}
        {journey.activeVersion && (
          <Link href={`/journeys/${journey.id}/kpis`} className="btn btn-sm">
            {t('editor.kpis')}
          </Link>
        )}
        <Link href={`/runs?journeyId=${journey.id}`} className="btn btn-sm">
          {t('editor.runs')}
        </Link>
        {canWrite && (
          <button
            type="button"
            className="btn btn-sm"
            onClick={onPreview}
            disabled={problems > 0}
            title={problems > 0 ? t('editor.whyNoPreview') : undefined}
          >
            <Play size={14} /> {t('editor.preview')}
          </button>
        )}
        {canWrite && journey.status !== 'archived' && (
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => setDialog('publish')}
            disabled={saveStatus !== 'saved'}
            title={saveStatus !== 'saved' ? t('editor.whyNoPublish') : undefined}
            data-testid="publish"
          >
            {t('editor.publish')}
          </button>
        )}
        {canWrite && ['draft', 'stopped', 'completed'].includes(journey.status) && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => setDialog('activate')}
            disabled={!journey.activeVersion}
            title={journey.activeVersion ? undefined : t('editor.whyNoActivate')}
            data-testid="activate"
          >
            {t('editor.activate')}
          </button>
        )}
        {canWrite && journey.status === 'active' && (
          <button type="button" className="btn btn-sm" onClick={() => void transition('pause')}>
            {t('editor.pause')}
          </button>
        )}
        {canWrite && journey.status === 'paused' && (
          <button
            type="button"
            className="btn btn-sm btn-primary"
            onClick={() => void transition('resume')}
          >
            {t('editor.resume')}
          </button>
        )}
        {canWrite && (journey.status === 'active' || journey.status === 'paused') && (
          <button type="button" className="btn btn-sm btn-danger" onClick={() => setDialog('stop')}>
            {t('editor.stop')}
          </button>
        )}
      </div>
      {dialog === 'publish' && (
        <PublishDialog
          journeyId={journey.id}
          onClose={() => setDialog(null)}
          onPublished={() => {
            setDialog(null);
            void refresh();
          }}
        />
      )}
      {dialog === 'stop' && (
        <StopDialog
          journey={journey}
          onClose={() => setDialog(null)}
          onStopped={() => {
            setDialog(null);
            toast(t('editor.stoppedToast', { name: journey.name }));
            void refresh();
          }}
        />
      )}
      {dialog === 'versions' && (
        <VersionsDialog journeyId={journey.id} onClose={() => setDialog(null)} />
      )}
      {dialog === 'activate' && (
        <ActivateDialog
          journeyId={journey.id}
          onClose={() => setDialog(null)}
          onActivated={() => {
            setDialog(null);
            void refresh();
          }}
        />
      )}
    </div>
  );
}
