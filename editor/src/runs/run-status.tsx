import { EXIT_OUTCOMES } from '@ruta/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/index';

/** A run's outcome in words: the exit outcomes' (shared), else the engine's own; never the code. */
export function outcomeWord(t: TFunction, lang: Lang, outcome: unknown): string {
  const code = String(outcome ?? '');
  return (
    EXIT_OUTCOMES[code]?.[lang] ??
    t(`runs.words.outcome.${code}`, { defaultValue: t('runs.words.outcome.any') })
  );
}

/** A run's own status (not its journey's), as a badge. */
export function RunStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`runs.runStatus.${status}`)}</span>;
}
