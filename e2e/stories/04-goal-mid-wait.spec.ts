import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';
import { abandonCart, activeJourneyFromTemplate } from '../journeys';

const session = loggedInPage('es-MX');

test('story 4: order_placed arriving mid-wait ends the run as converted at once', async () => {
  const { page } = session;
  const journey = await activeJourneyFromTemplate('abandoned_cart', 'Carrito — historia 4', {
    seconds: 600,
  });
  const { runId, cartId } = await abandonCart(journey.id, {
    firstName: 'Jorge',
    phone: '+5215512340004',
  });
  await page.goto(`/runs/${runId}`);
  await page.locator('[data-testid=waiting-for]').waitFor({ timeout: 30_000 });
  await screenshot(page, '04-waiting');
  const sent = Date.now();
  await callApi('POST', '/events', {
    id: `order-${cartId}`,
    name: 'order_placed',
    contact: { phone: '+5215512340004' },
    properties: { cart_id: cartId, total: 1299 },
  });
  const run = await eventually(async () => {
    const r = await callApi(`GET`, `/runs/${runId}`);
    return r.status === 'completed' ? r : undefined;
  });
  expect(run.outcome).toBe('converted');
  expect(run.convertedAt).toBeTruthy();
  expect(Date.now() - sent).toBeLessThan(60_000); // not the 10-minute timeout
  await page.reload();
  await page.locator('[data-testid=timeline]').waitFor();
  // The outcome in words («compró»), never its code.
  expect(await page.textContent('.run-page')).toContain('compró');
  expect(await page.textContent('.run-page')).not.toContain('converted');
  await screenshot(page, '04-converted');
  // Leave the shared stack quiet for the next story.
  await callApi('POST', `/journeys/${journey.id}/stop`);
});
