import { useTranslation } from 'react-i18next';

/** "12/20" beside a limited text; red at the limit; read out in words to screen readers. */
export function CharCount({ used, max }: { used: number; max: number }) {
  const { t } = useTranslation();
  return (
    <span
      className={used >= max ? 'char-count char-count-full' : 'char-count'}
      data-testid="char-count"
    >
      <span aria-hidden="true">
        {used}/{max}
      </span>
      <span className="sr-only">{t('inspector.charCount', { used, max })}</span>
    </span>
  );
}
