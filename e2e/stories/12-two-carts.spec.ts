import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';
import { abandonCart, activeJourneyFromTemplate } from '../journeys';

const session = loggedInPage('es-MX');

/**
 * DESIGN §8.1 in the sandbox phone: a customer with two abandoned carts taps «Comprar» under the
 * first cart's message. Only that cart's run takes the buy branch; the phone says where the tap
 * went, and a reply quoted on the second message goes to the second cart.
 */
test('story 12: two carts, one tap — only the cart whose message was tapped continues', async () => {
  const { page } = session;
  const journeyName = 'Carrito — historia 12';
  const journey = await activeJourneyFromTemplate('abandoned_cart', journeyName, { seconds: 300 });
  const contact = { firstName: 'Renata', phone: '+5215512340010' };
  const first = await abandonCart(journey.id, contact, 'R10-A');
  const second = await abandonCart(journey.id, contact, 'R10-B');
  for (const runId of [first.runId, second.runId]) {
    await eventually(
      async () => (await callApi(`GET`, `/runs/${runId}`)).waitingFor?.nodeId === 'wait_cart',
    );
  }

  await page.goto(`/sandbox/${first.contactId}`);
  const rows = page.locator(`.bubble-row.outbound[data-journey="${journeyName}"]`);
  await eventually(async () => (await rows.count()) >= 2);
  await screenshot(page, '12-two-carts');
  await rows.nth(0).locator('[data-testid=tap-buy]').click();
  await eventually(
    async () => (await callApi(`GET`, `/runs/${first.runId}`)).status === 'completed',
  );
  const routing = page.locator('[data-testid=reply-routing]').first();
  await routing.waitFor({ timeout: 15_000 });
  expect(await routing.textContent()).toContain(journeyName);
  expect(await routing.textContent()).toContain('respondió a ese mensaje');

  const other = await callApi(`GET`, `/runs/${second.runId}`);
  expect(other.status).toBe('active');
  expect(other.waitingFor?.nodeId).toBe('wait_cart');
  await eventually(async () => (await rows.count()) >= 3); // the buy link, for cart A only
  expect(other.messages.map((m: { node_id: string }) => m.node_id)).toEqual(['send_cart']);

  // A question quoted on cart B's message goes to cart B (a person takes it over).
  await rows.nth(1).locator(`[data-testid^=reply-to-]`).click();
  await page.locator('[data-testid=replying-to]').waitFor();
  await page.locator('[data-testid=reply-input]').fill('¿Tienen envío a Guadalajara?');
  await screenshot(page, '12-quoted-reply');
  await page.locator('[data-testid=reply-input]').press('Enter');
  const secondRun = await eventually(async () => {
    const run = await callApi(`GET`, `/runs/${second.runId}`);
    return run.status === 'completed' ? run : undefined;
  });
  expect(secondRun.outcome).toBe('handed_off');
  await screenshot(page, '12-routed');
  await callApi('POST', `/journeys/${journey.id}/stop`);
});
