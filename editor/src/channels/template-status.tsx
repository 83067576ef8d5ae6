import { useTranslation } from 'react-i18next';

export function isApproved(status: string): boolean {
  return status.toUpperCase() === 'APPROVED';
}

const TONES: Record<string, string> = {
  APPROVED: 'badge-active',
  PENDING: 'badge-paused',
  IN_APPEAL: 'badge-paused',
  REJECTED: 'badge-failed',
  PAUSED: 'badge-failed',
  DISABLED: 'badge-failed',
};

/** Meta's approval status of a template: approved green, pending amber, rejected or paused red. */
export function TemplateStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const key = status.toUpperCase();
  return (
    <span className={`badge ${TONES[key] ?? ''}`.trim()}>
      {t(`channels.templateStatus.${key}`, { defaultValue: status })}
    </span>
  );
}
