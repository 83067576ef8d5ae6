import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';
import { checkoutCreate, orderCreate, postShopify } from '../shopify';

type Json = Record<string, any>;
const session = loggedInPage('es-MX');
const SECRET = 'shpss_e2e_client_secret_13';

test('story 15: connect a Shopify store in «Fuentes de datos»; a signed checkout sends the cart WhatsApp, its order ends the run as converted', async () => {
  const { page } = session;
  // The store cart journey, its first wait ("up to N minutes for this checkout's order") short.
  const created = await callApi<Json>('POST', '/journeys', {
    name: 'Carrito Shopify — historia 13',
    templateId: 'store_checkout',
  });
  const draft = created.draft;
  for (const node of Object.values<Json>(draft.nodes))
    if (node.type === 'wait_for') node.timeout = { amount: 120, unit: 'seconds' };
  draft.nodes.wait_checkout_order.timeout = { amount: 3, unit: 'seconds' };
  delete draft.settings.quietHours;
  await callApi('PUT', `/journeys/${created.id}/draft`, {
    definition: draft,
    layout: created.layout,
  });
  await callApi('POST', `/journeys/${created.id}/publish`);
  await callApi('POST', `/journeys/${created.id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
  });

  // Connect the store in the editor.
  await page.goto('/');
  await page.getByRole('link', { name: 'Fuentes de datos' }).click();
  await page.getByRole('heading', { name: 'Fuentes de datos', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Conectar fuente' }).first().click();
  await page.getByLabel('Shopify').check();
  await page.getByLabel('Nombre').fill('Tienda Sol');
  await page.getByLabel('Dominio de la tienda').fill('tienda-sol.myshopify.com');
  await page.getByLabel('Secreto de firma').fill(SECRET);
  await page.getByRole('button', { name: 'Conectar', exact: true }).click();
  const card = page.getByTestId('source-card').filter({ hasText: 'Tienda Sol' });
  const url = (await card.getByTestId('webhook-url').textContent()) ?? '';
  expect(url).toMatch(/\/webhooks\/sources\/shopify\/[0-9a-f-]{36}$/);
  expect(await card.textContent()).toContain('checkouts/create');
  await screenshot(page, '15-source-connected');

  // The store posts a signed checkouts/create for a test customer.
  const path = new URL(url).pathname;
  const token = `e2e${Date.now()}`;
  const phone = '55 1234 0013';
  expect(
    await postShopify(
      path,
      SECRET,
      'checkouts/create',
      `wh-${token}`,
      checkoutCreate(token, phone),
    ),
  ).toBe(200);
  // A tampered copy is refused.
  expect(
    await postShopify(
      path,
      'not-the-secret',
      'checkouts/create',
      `wh-x-${token}`,
      checkoutCreate(token, phone),
    ),
  ).toBe(401);

  // The delivery shows with what it became; its contact opens in the sandbox with the WhatsApp.
  const row = card.getByTestId('delivery-row').filter({ hasText: 'checkouts/create' });
  await row.waitFor({ timeout: 15_000 });
  expect(await row.textContent()).toContain('checkout_started');
  await screenshot(page, '15-source-delivery');
  await row.getByRole('link', { name: 'Ver contacto' }).click();
  const bubble = page
    .locator(
      '.bubble-row[data-journey="Carrito Shopify — historia 13"] [data-testid=bubble-outbound]',
    )
    .first();
  await bubble.waitFor({ timeout: 30_000 });
  expect(await bubble.textContent()).toContain('Renata');
  expect(await bubble.textContent()).toContain('MXN 1299.00');
  await screenshot(page, '15-sandbox-whatsapp');

  // The order arrives (signed orders/create): the run ends as converted.
  expect(
    await postShopify(
      path,
      SECRET,
      'orders/create',
      `wh-o-${token}`,
      orderCreate('820982911946154513', token, phone),
    ),
  ).toBe(200);
  const runs = await callApi<Json[]>('GET', `/runs?journeyId=${created.id}`);
  const runId = runs[0]?.id as string;
  expect(runId).toBeTruthy();
  await eventually(
    async () => (await callApi<Json>('GET', `/runs/${runId}`)).status === 'completed',
  );
  expect((await callApi<Json>('GET', `/runs/${runId}`)).outcome).toBe('converted');
  await page.goto(`/runs/${runId}`);
  await page.locator('[data-testid=timeline]').waitFor();
  await screenshot(page, '15-run-converted');
  await callApi('POST', `/journeys/${created.id}/stop`);
});
