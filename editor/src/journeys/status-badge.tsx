import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`}>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
