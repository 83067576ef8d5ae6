import { currentLang } from '../i18n/index';

/** A rate as every view shows it: one decimal, the language's separator (12.5 % · 12,5%). */
export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined) return '—';
  const shown = (rate * 100).toFixed(digits);
  return currentLang() === 'pt' ? `${shown.replace('.', ',')}%` : `${shown} %`;
}

/** A difference of two rates in percentage points: +3.2 pp · +3,2 p.p. */
export function formatPoints(difference: number, signed = true): string {
  const shown = (difference * 100).toFixed(1);
  const sign = signed && difference >= 0 ? '+' : '';
  return currentLang() === 'pt' ? `${sign}${shown.replace('.', ',')} p.p.` : `${sign}${shown} pp`;
}

/** A duration in the largest unit that reads well: 45 min, 5,5 h, 2 d. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const lang = currentLang();
  const number = (n: number) => (lang === 'en' ? String(n) : String(n).replace('.', ','));
  if (seconds < 3_600) return `${number(Math.max(1, Math.round(seconds / 60)))} min`;
  if (seconds < 172_800) return `${number(Math.round(seconds / 360) / 10)} h`;
  return `${number(Math.round(seconds / 8_640) / 10)} d`;
}
