import { useTranslation } from 'react-i18next';

/** "12/20" under a limited text; it turns red at the limit and says so to screen readers. */
export function CharCount({ used, max }: { used: number; max: number }) {
  const { t } = useTranslation();
  const full = used >= max;
  return (
    <span
      className={full ? 'char-count char-count-full' : 'char-count'}
      aria-label={t('inspector.charCount', { used, max })}
      data-testid="char-count"
    >
      {used}/{max}
    </span>
  );
}
