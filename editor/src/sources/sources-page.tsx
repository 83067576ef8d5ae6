import { Plus, Send } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useCan } from '../auth/access';
import { currentLang } from '../i18n/index';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { Dialog } from '../shell/dialog';
import { type SourceView, useDeleteSource, useSendTestEvent, useSources } from './api';
import { DeliveryList } from './deliveries';
import { SourceForm } from './source-form';
import '../channels/channels.css';
import './sources.css';

type Editing = { kind: 'create' } | { kind: 'edit'; source: SourceView } | null;

/**
 * «Fuentes de datos»: the stores and CDPs whose events feed journeys — step-by-step setup per
 * platform, the webhook address, the last deliveries and what each became, a test event.
 */
export default function SourcesPage() {
  const { t } = useTranslation();
  const sources = useSources();
  const manage = useCan('sources.manage');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<SourceView | null>(null);
  const [writeKey, setWriteKey] = useState<{ sourceId: string; key: string } | null>(null);
  const list = sources.data ?? [];
  const add = manage && (
    <button
      type="button"
      className="btn btn-primary"
      onClick={() => setEditing({ kind: 'create' })}
    >
      <Plus size={15} aria-hidden /> {t('sources.add')}
    </button>
  );
  return (
    <div className="page sources-page">
      <div className="page-head">
        <div>
          <h1>{t('sources.title')}</h1>
          <p className="muted">{t('sources.subtitle')}</p>
        </div>
        {add}
      </div>
      {sources.isLoading ? (
        <p className="empty">{t('common.loading')}</p>
      ) : sources.error ? (
        <p className="notice notice-error" role="alert">
          {errorText(sources.error, currentLang())}
        </p>
      ) : list.length === 0 ? (
        <div className="card empty">
          <p>{t('sources.empty')}</p>
          {add}
        </div>
      ) : (
        <div className="channel-list">
          {list.map((source) => (
            <SourceCard
              key={source.id}
              source={source}
              manage={manage}
              writeKey={writeKey?.sourceId === source.id ? writeKey.key : undefined}
              onEdit={() => setEditing({ kind: 'edit', source })}
              onDelete={() => setDeleting(source)}
            />
          ))}
        </div>
      )}
      {editing && (
        <Dialog
          title={
            editing.kind === 'edit'
              ? t('sources.editTitle', { name: editing.source.name })
              : t('sources.addTitle')
          }
          onClose={() => setEditing(null)}
          wide
        >
          <SourceForm
            mode={editing}
            onDone={(created) => {
              if (created?.writeKey) setWriteKey({ sourceId: created.id, key: created.writeKey });
              setEditing(null);
            }}
          />
        </Dialog>
      )}
      {deleting && <DeleteDialog source={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}

function SourceCard({
  source,
  manage,
  writeKey,
  onEdit,
  onDelete,
}: {
  source: SourceView;
  manage: boolean;
  writeKey: string | undefined;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const test = useSendTestEvent(source.id);
  const steps = t(`sources.steps.${source.platform}`, { returnObjects: true }) as string[];
  return (
    <article className="card source-card" data-testid="source-card">
      <header className="source-head">
        <div>
          <h3>{source.name}</h3>
          <p className="muted">{t(`sources.platforms.${source.platform}`)}</p>
        </div>
        {manage && (
          <div className="source-actions">
            <button
              type="button"
              className="btn btn-sm"
              disabled={test.isPending}
              onClick={() => test.mutate()}
            >
              <Send size={14} aria-hidden /> {t('sources.sendTest')}
            </button>
            <button type="button" className="btn btn-sm" onClick={onEdit}>
              {t('sources.edit')}
            </button>
            <button type="button" className="btn btn-sm btn-danger" onClick={onDelete}>
              {t('sources.delete')}
            </button>
          </div>
        )}
      </header>
      {writeKey && (
        <div className="notice" role="status">
          <p>{t('sources.writeKeyOnce')}</p>
          <code className="mono" data-testid="write-key">
            {writeKey}
          </code>
        </div>
      )}
      {test.error && (
        <p className="notice notice-error" role="alert">
          {errorText(test.error, currentLang())}
        </p>
      )}
      {test.data && (
        <p className="notice" role="status">
          {t('sources.testSent')}
        </p>
      )}
      <dl className="source-urls">
        <dt>{t('sources.webhookUrl')}</dt>
        <dd>
          <code className="mono" data-testid="webhook-url">
            {source.webhookUrl}
          </code>
        </dd>
        {source.apiBaseUrl && (
          <>
            <dt>{t('sources.apiBaseUrl')}</dt>
            <dd>
              <code className="mono">{source.apiBaseUrl}</code>
            </dd>
          </>
        )}
        {source.writeKeyPrefix && (
          <>
            <dt>{t('sources.writeKey')}</dt>
            <dd>
              <code className="mono">{source.writeKeyPrefix}…</code>
            </dd>
          </>
        )}
      </dl>
      <details className="source-steps" open={!source.lastDeliveryAt}>
        <summary>{t('sources.setup')}</summary>
        <ol>
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </details>
      <DeliveryList sourceId={source.id} manage={manage} />
    </article>
  );
}

function DeleteDialog({ source, onClose }: { source: SourceView; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteSource();
  return (
    <ConfirmDialog
      title={t('sources.deleteTitle', { name: source.name })}
      confirmLabel={t('sources.deleteConfirm')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(source.id, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>{t('sources.deleteBody')}</p>
    </ConfirmDialog>
  );
}
