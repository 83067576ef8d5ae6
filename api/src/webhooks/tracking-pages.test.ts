import { expect, test } from 'vitest';
import { pageLanguage, TRACKING_TEXTS } from './tracking-pages';

test.each([
  ['pt-BR,pt;q=0.9,en;q=0.8', 'pt'],
  ['es-MX,es;q=0.9', 'es'],
  ['en-US,en;q=0.9', 'en'],
  ['fr-FR,pt;q=0.5,en;q=0.4', 'pt'],
  ['en;q=0.3,pt-BR;q=0.8', 'pt'],
  ['de-DE', 'es'],
  ['', 'es'],
  [undefined, 'es'],
])('Accept-Language %j → %s', (header, expected) => {
  expect(pageLanguage(header)).toBe(expected);
});

test('every page text exists in every language', () => {
  const keys = Object.keys(TRACKING_TEXTS.es).sort();
  for (const texts of Object.values(TRACKING_TEXTS)) {
    expect(Object.keys(texts).sort()).toEqual(keys);
    for (const text of Object.values(texts)) expect(text.trim()).not.toBe('');
  }
});
