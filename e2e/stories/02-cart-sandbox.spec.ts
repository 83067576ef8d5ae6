import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';
import { abandonCart, activeJourneyFromTemplate } from '../journeys';

const session = loggedInPage('es-MX');

test('story 2: cart_abandoned through the API → WhatsApp in the sandbox → tap the button → branch in the timeline, counts on the canvas', async () => {
  const { page } = session;
  const journeyName = 'Carrito — historia 2';
  const journey = await activeJourneyFromTemplate('abandoned_cart', journeyName, { seconds: 60 });
  const { contactId, runId } = await abandonCart(journey.id, {
    firstName: 'Mariana',
    phone: '+5215512340002',
  });
  expect(runId).toBeTruthy();

  await page.goto(`/sandbox/${contactId}`);
  // Only this journey's message (other journeys of the stack may react to cart_abandoned too).
  const row = page.locator(`.bubble-row[data-journey="${journeyName}"]`);
  const bubble = row.locator('[data-testid=bubble-outbound]').first();
  await bubble.waitFor({ timeout: 30_000 });
  const text = await bubble.textContent();
  expect(text).toContain('Mariana');
  expect(text).toContain('$1,299.00');
  await screenshot(page, '02-sandbox-whatsapp');

  await row.locator('[data-testid=tap-buy]').first().click();
  await eventually(async () => (await callApi(`GET`, `/runs/${runId}`)).status === 'completed');

  await page.goto(`/runs/${runId}`);
  const timeline = page.locator('[data-testid=timeline]');
  await timeline.waitFor();
  // The branch taken reads as on the canvas, never as its code.
  expect(await timeline.textContent()).toContain('tocó «Comprar»');
  expect(await timeline.textContent()).not.toContain('tapped_buy');
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
  // Leave the shared stack quiet for the next story.
  await callApi('POST', `/journeys/${journey.id}/stop`);
});
