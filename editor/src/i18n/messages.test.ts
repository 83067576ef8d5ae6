import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { en } from './en';
import { es } from './es';
import { pt } from './pt';

/** Every text by its dotted key, e.g. 'publish.inFlight_one'. */
function flatten(messages: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** `{{count}}`-style placeholders and the `<page>` tags `Trans` fills in, sorted. */
const slots = (text: string) =>
  [...text.matchAll(/{{\s*\w+\s*}}|<\/?\w+>/g)].map((m) => m[0]).sort();

const spanish = flatten(es);
const translations = { en: flatten(en), pt: flatten(pt) };

describe.each(Object.entries(translations))('%s has what es has', (lang, texts) => {
  test('the same keys: none missing, none extra', () => {
    const missing = [...spanish.keys()].filter((key) => !texts.has(key));
    const extra = [...texts.keys()].filter((key) => !spanish.has(key));
    expect({ lang, missing, extra }).toEqual({ lang, missing: [], extra: [] });
  });

  test('the same placeholders in every text', () => {
    const differ = [...spanish]
      .filter(
        ([key, text]) =>
          texts.has(key) && slots(text).join() !== slots(texts.get(key) ?? '').join(),
      )
      .map(([key]) => key);
    expect(differ).toEqual([]);
  });

  test('no empty texts', () => {
    expect([...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});

test('Portuguese texts hold no Spanish spelling (ñ, ¿, ¡, -ción)', () => {
  const spanishLooking = [...translations.pt]
    .filter(([, text]) => /[ñ¿¡]|ción\b|ciones\b/i.test(text))
    .map(([key, text]) => `${key}: ${text}`);
  expect(spanishLooking).toEqual([]);
});

test('plural keys come in _one/_other pairs, as i18next needs for es, pt and en', () => {
  for (const texts of [spanish, translations.en, translations.pt]) {
    for (const key of texts.keys()) {
      const plural = key.match(/^(.*)_(one|other)$/);
      if (plural)
        expect(texts.has(`${plural[1]}_${plural[2] === 'one' ? 'other' : 'one'}`)).toBe(true);
    }
  }
});

test('every key the editor asks for by name exists (no raw `analytics.sent` on screen)', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.tsx?$/.test(file) && !file.startsWith('i18n') && !/\.test\.tsx?$/.test(file),
  );
  const missing = new Set<string>();
  for (const file of files) {
    const source = readFileSync(`${root}/${file}`, 'utf8');
    for (const [, key = ''] of source.matchAll(/\bt\(\s*['`]([a-zA-Z]+\.[\w.]+)['`]/g)) {
      if (!spanish.has(key) && !spanish.has(`${key}_one`)) missing.add(`${key} (${file})`);
    }
  }
  expect(files.length).toBeGreaterThan(50);
  expect([...missing]).toEqual([]);
});
