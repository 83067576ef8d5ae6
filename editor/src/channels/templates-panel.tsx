import { RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../api/client';
import { useCan } from '../auth/access';
import { currentLang, intlLocale } from '../i18n/index';
import { type ChannelView, useSyncTemplates, useWhatsAppTemplates } from './api';
import { TemplateStatusBadge } from './template-status';

/** A WhatsApp channel's templates as last synced from its business account, and the sync button. */
export function TemplatesPanel({ channel }: { channel: ChannelView }) {
  const { t, i18n } = useTranslation();
  const sync = useSyncTemplates(channel.id);
  const manage = useCan('channels.manage');
  const all = useWhatsAppTemplates();
  const templates = (all.data ?? []).filter((tpl) => tpl.channelId === channel.id);
  const canSync = Boolean(channel.config.businessAccountId);
  const date = new Intl.DateTimeFormat(intlLocale(i18n.resolvedLanguage), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const syncedAt = sync.data?.syncedAt ?? channel.templatesSyncedAt;
  const error = sync.error ? errorText(sync.error, currentLang()) : undefined;

  return (
    <section className="channel-templates" aria-label={t('channels.templates.title')}>
      <div className="channel-templates-head">
        <h3>{t('channels.templates.title')}</h3>
        <span className="help">
          {syncedAt
            ? t('channels.templates.lastSync', { date: date.format(new Date(syncedAt)) })
            : t('channels.templates.neverSynced')}
        </span>
        {manage && (
          <button
            type="button"
            className="btn btn-sm"
            disabled={!canSync || sync.isPending}
            onClick={() => sync.mutate()}
          >
            <RefreshCw size={13} aria-hidden className={sync.isPending ? 'spin' : undefined} />
            {sync.isPending ? t('channels.templates.syncing') : t('channels.templates.sync')}
          </button>
        )}
      </div>
      {!canSync && <p className="help">{t('channels.templates.needsAccount')}</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          {t('channels.templates.syncFailed')}: {error}
        </p>
      )}
      {templates.length > 0 ? (
        <table className="table template-table">
          <thead>
            <tr>
              <th>{t('channels.templates.name')}</th>
              <th>{t('channels.templates.language')}</th>
              <th>{t('channels.templates.category')}</th>
              <th>{t('channels.templates.status')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr key={`${tpl.name}:${tpl.language}`}>
                <td>
                  <span className="mono">{tpl.name}</span>
                  <div className="help template-body" title={tpl.body}>
                    {tpl.body}
                  </div>
                </td>
                <td className="mono">{tpl.language}</td>
                <td>
                  {t(`channels.templateCategory.${tpl.category.toUpperCase()}`, {
                    defaultValue: tpl.category,
                  })}
                </td>
                <td>
                  <TemplateStatusBadge status={tpl.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        syncedAt && <p className="help">{t('channels.templates.none')}</p>
      )}
    </section>
  );
}
