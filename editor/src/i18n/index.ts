import i18n, { type InitOptions } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';
import { pt } from './pt';

export type Lang = 'es' | 'pt' | 'en';

/** `<html lang>` and the locale for Intl dates and numbers, per UI language. */
const HTML_LANG: Record<Lang, string> = { es: 'es-MX', pt: 'pt-BR', en: 'en' };

/**
 * Spanish for browsers that ask for it (any `es-*`), Brazilian Portuguese for any `pt-*`, English
 * otherwise; the user can switch, and the choice is remembered.
 */
export const i18nOptions: InitOptions = {
  resources: { es: { translation: es }, pt: { translation: pt }, en: { translation: en } },
  supportedLngs: ['es', 'pt', 'en'],
  nonExplicitSupportedLngs: true,
  load: 'languageOnly',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  detection: {
    order: ['localStorage', 'navigator'],
    lookupLocalStorage: 'ruta.lang',
    caches: ['localStorage'],
  },
};

i18n.on('languageChanged', () => {
  if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[currentLang()];
});

void i18n.use(LanguageDetector).use(initReactI18next).init(i18nOptions);

export function currentLang(): Lang {
  return toLang(i18n.resolvedLanguage);
}

export function toLang(resolved: string | undefined): Lang {
  return resolved === 'es' || resolved === 'pt' ? resolved : 'en';
}

/**
 * The locale for `Intl` dates and numbers: 'pt-BR' for Portuguese; Spanish and English keep the
 * bare language they always had.
 */
export function intlLocale(resolved = i18n.resolvedLanguage): string | undefined {
  return toLang(resolved) === 'pt' ? HTML_LANG.pt : resolved;
}

export default i18n;
