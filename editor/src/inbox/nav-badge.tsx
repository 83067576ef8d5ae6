import { useTranslation } from 'react-i18next';
import { useInboxCounts } from './api';
import './nav-badge.css';

/** The navigation's count of conversations nobody took yet (polled); nothing at zero. */
export function InboxNavBadge() {
  const { t } = useTranslation();
  const inbox = useInboxCounts();
  const count = inbox.data?.unassigned ?? 0;
  if (count === 0) return null;
  const label = t('inbox.badge', { count });
  return (
    <span className="nav-badge" title={label} data-testid="inbox-badge">
      <span aria-hidden>{count}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
