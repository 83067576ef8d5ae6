import { isRole } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { type AuditEntry, useAuditLog } from './api';
import { formatWhen } from './format';

/** The role a role-changing entry names, as a label (never the raw code). */
function useEntryNote() {
  const { t } = useTranslation();
  const role = (value: unknown) => (isRole(value) ? t(`roles.${value}`) : null);
  return (entry: AuditEntry): string | null => {
    const { from, to } = entry.detail;
    if (entry.action === 'member.role_changed' && role(from) && role(to))
      return t('team.roleChange', { from: role(from), to: role(to) });
    return role(entry.detail.role);
  };
}

/** Who did what, when and from where: newest first, a page at a time. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const log = useAuditLog({ enabled: true });
  const note = useEntryNote();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const who = (entry: AuditEntry) =>
    entry.actor.type === 'api_key'
      ? t('team.keyActor', { name: entry.actor.label ?? '' })
      : entry.actor.type === 'system'
        ? t('team.systemActor')
        : (entry.actor.label ?? '—');
  return (
    <section className="card team-section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('team.audit')}</h2>
      <p className="help">{t('team.auditHelp')}</p>
      {log.error && (
        <p className="notice notice-error" role="alert">
          {errorText(log.error, lang)}
        </p>
      )}
      {log.isLoading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{t('team.auditEmpty')}</p>
      ) : (
        <table className="table audit-table" data-testid="audit-log">
          <thead>
            <tr>
              <th>{t('team.when')}</th>
              <th>{t('team.who')}</th>
              <th>{t('team.what')}</th>
              <th>{t('team.where')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const extra = [entry.target?.label, note(entry)].filter(Boolean).join(' · ');
              return (
                <tr key={entry.id}>
                  <td className="muted nowrap">
                    {formatWhen(entry.at, i18n.resolvedLanguage, 'medium')}
                  </td>
                  <td>{who(entry)}</td>
                  <td>
                    {t(`auditActions.${entry.action}`, { defaultValue: t('team.what') })}
                    {extra && <div className="help">{extra}</div>}
                  </td>
                  <td className="muted" title={entry.userAgent ?? undefined}>
                    {entry.ip ?? '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          className="btn btn-sm"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('team.loadMore')}
        </button>
      )}
    </section>
  );
}
