import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../api/client';
import type { JourneyDetail } from '../api/models';
import { EditorProvider, useEditor } from '../store/editor-context';
import { createEditorStore, type EditorStore } from '../store/editor-store';
import { AnalyticsProvider, type CanvasAnalytics } from './analytics-overlay';
import { EditorToolbar } from './editor-toolbar';
import { Inspector } from './inspector/inspector';
import { JourneyCanvas } from './journey-canvas';
import { Palette } from './palette';
import { PreviewPanel } from './preview-panel';
import { ProblemsPanel } from './problems-panel';
import { useAutosave } from './use-autosave';
import './canvas.css';
import { useCan } from '../auth/access';
import { kindColorVariables } from './kinds/index';

function EditorScreen({ journey, store }: { journey: JourneyDetail; store: EditorStore }) {
  useAutosave(store);
  const [analyticsOn, setAnalyticsOn] = useState(
    journey.status === 'active' || journey.status === 'paused',
  );
  const [preview, setPreview] = useState(false);
  const readOnly = useEditor((s) => s.readOnly);
  const selectedId = useEditor((s) => s.selectedId);
  const layout = useEditor((s) => s.layout);
  const addNode = useEditor((s) => s.addNode);
  const analytics = useQuery({
    queryKey: ['analytics', journey.id],
    queryFn: () =>
      call(client.journeys[':id'].analytics.$get({ param: { id: journey.id }, query: {} })),
    enabled: analyticsOn && journey.activeVersion !== null,
    refetchInterval: 4_000,
  });
  return (
    <div className="editor" style={kindColorVariables()}>
      <EditorToolbar
        journey={journey}
        analytics={analyticsOn}
        onToggleAnalytics={() => setAnalyticsOn(!analyticsOn)}
        onPreview={() => setPreview(true)}
      />
      <div className="editor-body">
        <Palette
          disabled={readOnly}
          onAdd={(type) => {
            const below = selectedId ? layout[selectedId] : undefined;
            addNode(type, below ? { x: below.x, y: below.y + 160 } : { x: 80, y: 80 });
          }}
        />
        <div className="editor-canvas">
          <AnalyticsProvider value={analyticsOn ? (analytics.data ?? null) : null}>
            <JourneyCanvas />
          </AnalyticsProvider>
          <ProblemsPanel />
        </div>
        {preview ? (
          <PreviewPanel journeyId={journey.id} onClose={() => setPreview(false)} />
        ) : (
          <Inspector />
        )}
      </div>
    </div>
  );
}

/** `/journeys/:id`: the canvas for one journey, its draft autosaved. */
export default function JourneyEditorPage({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const canWrite = useCan('journeys.write');
  const journey = useQuery({
    queryKey: ['journey', journeyId],
    queryFn: () => call(client.journeys[':id'].$get({ param: { id: journeyId } })),
  });
  const [store, setStore] = useState<{ id: string; store: EditorStore } | null>(null);
  if (journey.isLoading) return <p className="empty">{t('common.loading')}</p>;
  if (!journey.data) return <p className="notice notice-error">{t('common.error')}</p>;
  let current = store?.id === journeyId ? store.store : null;
  if (!current) {
    current = createEditorStore({
      journeyId,
      definition: journey.data.draft,
      layout: journey.data.layout,
      readOnly: journey.data.status === 'archived' || !canWrite,
    });
    setStore({ id: journeyId, store: current });
  }
  return (
    <EditorProvider store={current}>
      <ReactFlowProvider>
        <EditorScreen journey={journey.data} store={current} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
