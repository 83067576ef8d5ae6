import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, logIn, newPage, screenshot } from '../browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

test('story 8: the UI is in Spanish for a Spanish browser and in English for an English one', async () => {
  const es = await newPage(browser, 'es-MX');
  await es.page.goto('/');
  expect(await es.page.textContent('h1')).toBe('Entra a Ruta');
  await logIn(es.page);
  expect(await es.page.textContent('nav[aria-label=main]')).toContain('Bandeja de prueba');
  expect(await es.page.textContent('h1')).toBe('Flujos');
  await expect(
    es.page
      .getByRole('button', { name: /Nuevo flujo/ })
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await screenshot(es.page, '08-spanish');
  await es.context.close();

  const en = await newPage(browser, 'en-US');
  await en.page.goto('/');
  expect(await en.page.textContent('h1')).toBe('Log in to Ruta');
  await logIn(en.page);
  expect(await en.page.textContent('nav[aria-label=main]')).toContain('Sandbox inbox');
  await expect(
    en.page
      .getByRole('button', { name: /New journey/ })
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await screenshot(en.page, '08-english');
  await en.context.close();
});
