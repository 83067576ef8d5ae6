import { BellRing } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useCan } from '../auth/access';
import { useLang } from '../canvas/inspector/use-lang';
import { type InboxFilter, useHandoffs } from './api';
import { HandoffRow } from './handoff-row';
import { InboxFilters } from './inbox-filters';
import { QueueSettingsDialog } from './queue-settings-dialog';

/** The left column: the views, the queues and the conversations, who waited longest on top. */
export function HandoffList({
  filter,
  onFilter,
  selectedId,
  meId,
}: {
  filter: InboxFilter;
  onFilter: (filter: InboxFilter) => void;
  selectedId: string | null;
  meId: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const manage = useCan('handoffs.manage');
  const [settings, setSettings] = useState(false);
  const counts = useHandoffs();
  const list = useHandoffs(filter);
  const items = list.data?.items ?? [];
  return (
    <aside className="inbox-list" aria-label={t('inbox.listLabel')}>
      <div className="inbox-list-head">
        <h1>{t('inbox.title')}</h1>
        {manage && (
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={() => setSettings(true)}
            title={t('inbox.queueSettings.help')}
          >
            <BellRing size={14} aria-hidden /> {t('inbox.queueSettings.open')}
          </button>
        )}
      </div>
      <InboxFilters filter={filter} onChange={onFilter} counts={counts.data} />
      {list.error ? (
        <p className="notice notice-error" role="alert">
          {errorText(list.error, lang)}
        </p>
      ) : list.isLoading ? (
        <p className="empty">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="inbox-list-empty">{t(`inbox.empty.${filter.view}`)}</p>
      ) : (
        <ul className="inbox-rows" data-testid="handoff-list">
          {items.map((h) => (
            <HandoffRow key={h.id} handoff={h} selected={h.id === selectedId} meId={meId} />
          ))}
        </ul>
      )}
      {settings && <QueueSettingsDialog onClose={() => setSettings(false)} />}
    </aside>
  );
}
