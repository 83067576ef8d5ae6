import { currentLang } from '../i18n/index';

/** A rate as every view shows it: one decimal, the language's separator (12.5 % · 12,5%). */
export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined) return '—';
  const shown = (rate * 100).toFixed(digits);
  return currentLang() === 'pt' ? `${shown.replace('.', ',')}%` : `${shown} %`;
}
