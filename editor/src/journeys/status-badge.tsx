import { useTranslation } from 'react-i18next';

/**
 * A journey's state in words: a draft with a published version reads «Publicado» (it can be
 * activated), not «Borrador»; an active pilot past its end date reads «Finalizando» while runs
 * finish, then «Piloto terminado».
 */
export function StatusBadge({
  status,
  published,
  phase,
}: {
  status: string;
  published?: boolean;
  phase?: string | null;
}) {
  const { t } = useTranslation();
  const shown =
    status === 'draft' && published
      ? 'published'
      : phase === 'finishing' || phase === 'ended'
        ? phase
        : status;
  return (
    <span className={`badge badge-${shown}`} data-testid="journey-status">
      {t(`status.${shown}`, { defaultValue: shown })}
    </span>
  );
}
