import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callApi, eventually, launchBrowser, logIn, newPage, screenshot } from '../browser';
import { abandonCart, activeJourneyFromTemplate } from '../journeys';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await newPage(browser, 'es-MX'));
  await logIn(page);
});
afterAll(() => browser?.close());

test('story 2: cart_abandoned through the API → WhatsApp in the sandbox → tap the button → branch in the timeline, counts on the canvas', async () => {
  const journey = await activeJourneyFromTemplate('abandoned_cart', 'Carrito — historia 2', {
    seconds: 60,
  });
  const { contactId, runId } = await abandonCart(journey.id, {
    firstName: 'Mariana',
    phone: '+5215512340002',
  });
  expect(runId).toBeTruthy();

  await page.goto(`/sandbox/${contactId}`);
  const bubble = page.locator('[data-testid=bubble-outbound]').first();
  await bubble.waitFor({ timeout: 30_000 });
  const text = await bubble.textContent();
  expect(text).toContain('Mariana');
  expect(text).toContain('$1,299.00');
  await screenshot(page, '02-sandbox-whatsapp');

  await page.click('[data-testid=tap-buy]');
  await eventually(async () => (await callApi(`GET`, `/runs/${runId}`)).status === 'completed');

  await page.goto(`/runs/${runId}`);
  const timeline = page.locator('[data-testid=timeline]');
  await timeline.waitFor();
  expect(await timeline.textContent()).toContain('tapped_buy');
  const lit = page.locator('.journey-node.highlighted');
  await eventually(async () => (await lit.count()) >= 4);
  expect(await page.locator('[data-testid=node-wait_cart].highlighted').count()).toBe(1);
  expect(await page.locator('[data-testid=node-send_buy_link].highlighted').count()).toBe(1);
  expect(await page.locator('[data-testid=node-send_reminder].highlighted').count()).toBe(0);
  await screenshot(page, '02-timeline-path');

  await page.goto(`/journeys/${journey.id}`);
  const stats = page.locator('[data-testid=stats-send_cart]');
  await stats.waitFor({ timeout: 20_000 });
  expect(await stats.textContent()).toMatch(/1/);
  await screenshot(page, '02-canvas-counts');
});
