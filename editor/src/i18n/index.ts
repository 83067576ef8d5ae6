import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';

/** Spanish for browsers that ask for it (any `es-*`), English otherwise; the user can switch. */
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { es: { translation: es }, en: { translation: en } },
    supportedLngs: ['es', 'en'],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: 'ruta.lang',
      caches: ['localStorage'],
    },
  });

export function currentLang(): 'es' | 'en' {
  return i18n.resolvedLanguage === 'es' ? 'es' : 'en';
}

export default i18n;
