// @vitest-environment jsdom
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import i18n, { currentLang, i18nOptions, intlLocale } from './index';

/** A fresh i18next with the editor's options, as a browser with these languages starts it. */
async function startWith(languages: string[]): Promise<string | undefined> {
  Object.defineProperty(window.navigator, 'languages', {
    configurable: true,
    get: () => languages,
  });
  Object.defineProperty(window.navigator, 'language', {
    configurable: true,
    get: () => languages[0],
  });
  const instance = i18next.createInstance().use(LanguageDetector);
  await instance.init(i18nOptions);
  return instance.resolvedLanguage;
}

// Importing the editor's i18n already remembered jsdom's language; each browser here is new.
beforeEach(() => localStorage.clear());

describe('the browser language picks the UI language', () => {
  test.each([
    [['pt-BR', 'pt', 'en'], 'pt'],
    [['pt-PT'], 'pt'],
    [['pt'], 'pt'],
    [['es-MX', 'es'], 'es'],
    [['es-419'], 'es'],
    [['en-US'], 'en'],
    [['fr-FR', 'de'], 'en'],
    [['fr-FR', 'pt-BR'], 'pt'],
  ])('%j → %s', async (languages, expected) => {
    expect(await startWith(languages)).toBe(expected);
  });

  test('a language the user chose before wins over the browser', async () => {
    localStorage.setItem('ruta.lang', 'pt');
    expect(await startWith(['es-MX'])).toBe('pt');
  });
});

describe('switching to Portuguese', () => {
  afterEach(() => i18n.changeLanguage('es'));

  test('sets <html lang>, the API language and Intl to Brazilian Portuguese', async () => {
    await i18n.changeLanguage('pt');
    expect(currentLang()).toBe('pt');
    expect(document.documentElement.lang).toBe('pt-BR');
    expect(intlLocale()).toBe('pt-BR');
    expect(i18n.t('nav.sandbox')).toBe('Caixa de teste');
    expect(i18n.t('editor.problems', { count: 2 })).toBe('2 problemas');
  });

  test('Spanish and English keep their formats', async () => {
    await i18n.changeLanguage('es');
    expect([currentLang(), document.documentElement.lang, intlLocale()]).toEqual([
      'es',
      'es-MX',
      'es',
    ]);
    await i18n.changeLanguage('en');
    expect([currentLang(), document.documentElement.lang, intlLocale()]).toEqual([
      'en',
      'en',
      'en',
    ]);
  });
});
