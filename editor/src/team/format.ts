import { intlLocale } from '../i18n/index';

/** A date and time as people read them in the UI's language. */
export function formatWhen(
  iso: string,
  lang: string | undefined,
  style: 'short' | 'medium' = 'short',
) {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    dateStyle: 'medium',
    ...(style === 'medium' ? { timeStyle: 'medium' } : { timeStyle: 'short' }),
  }).format(new Date(iso));
}

export function formatDay(iso: string, lang: string | undefined) {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long' }).format(new Date(iso));
}
