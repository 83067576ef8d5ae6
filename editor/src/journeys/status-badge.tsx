import { useTranslation } from 'react-i18next';

/**
 * A journey's state in words: a draft with a published version reads «Publicado» (it can be
 * activated), not «Borrador».
 */
export function StatusBadge({ status, published }: { status: string; published?: boolean }) {
  const { t } = useTranslation();
  const shown = status === 'draft' && published ? 'published' : status;
  return (
    <span className={`badge badge-${shown}`} data-testid="journey-status">
      {t(`status.${shown}`, { defaultValue: shown })}
    </span>
  );
}
