import { signMeta, whatsappTemplateButton } from '@ruta/api/testing';
import { startFakeGraphApi } from '@ruta/engine/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot, stack } from '../browser';
import { abandonCart, activeJourneyFromTemplate } from '../journeys';

const session = loggedInPage('es-MX');
const META = {
  phoneNumberId: '106540352242922',
  businessAccountId: '102290129340398',
  accessToken: 'EAAG-e2e-access-token-0001',
  appSecret: 'e2e-meta-app-secret',
  verifyToken: 'e2e-verify-token',
};

// Meta's Graph API, played by a local server answering with the documented shapes.
let graph: Awaited<ReturnType<typeof startFakeGraphApi>>;
let channelId = '';
beforeAll(async () => {
  // Ruta reaches it at the server's RUTA_WHATSAPP_API_URL (see stack.ts), not a channel setting.
  graph = await startFakeGraphApi({ accessToken: META.accessToken, port: stack().fakeGraphPort });
  graph.setTemplates([
    {
      name: 'carrito_abandonado',
      language: 'es_MX',
      status: 'APPROVED',
      category: 'MARKETING',
      components: [
        { type: 'BODY', text: 'Hola {{1}}, tu carrito de {{2}} te espera.' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Comprar' },
            { type: 'QUICK_REPLY', text: 'Tengo dudas' },
          ],
        },
      ],
    },
    {
      name: 'promo_buen_fin',
      language: 'es_MX',
      status: 'PENDING',
      category: 'MARKETING',
      components: [{ type: 'BODY', text: '¡Llegó el Buen Fin, {{1}}!' }],
    },
  ]);
});
afterAll(async () => {
  // Hand the shared stack back to the sandbox for other stories.
  if (channelId) await callApi('DELETE', `/channels/${channelId}`).catch(() => undefined);
  await graph?.close();
});

test('story 9: connect WhatsApp Cloud API in Canales, sync templates, pick one in the inspector, a real send and a signed reply route the run', async () => {
  const { page } = session;
  await page.goto('/channels');
  await page.getByText('Sin canal configurado').first().waitFor();
  await screenshot(page, '09-channels-empty');

  await page.getByRole('button', { name: 'Agregar canal' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nombre').fill('WhatsApp Tienda Sol');
  await dialog.getByLabel('ID del número de teléfono').fill(META.phoneNumberId);
  await dialog.getByLabel('ID de la cuenta de WhatsApp Business').fill(META.businessAccountId);
  await dialog.getByLabel('Token de acceso').fill(META.accessToken);
  await dialog.getByLabel('Clave secreta de la app').fill(META.appSecret);
  await dialog.getByLabel('Token de verificación').fill(META.verifyToken);
  await screenshot(page, '09-channel-form');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await dialog.waitFor({ state: 'detached' });

  const card = page.getByRole('article', { name: 'WhatsApp Tienda Sol' });
  await card.waitFor();
  const channels = await callApi<{ items: { id: string; webhookUrl: string }[] }>(
    'GET',
    '/channels',
  );
  channelId = channels.items[0]?.id ?? '';
  const shown = await card
    .locator('input')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(shown).toContain(`${stack().baseUrl}/webhooks/whatsapp/${channelId}`);
  expect(await page.content()).not.toContain(META.accessToken);

  await card.getByRole('button', { name: 'Sincronizar plantillas' }).click();
  await card.getByText('carrito_abandonado').waitFor();
  expect(await card.textContent()).toContain('promo_buen_fin');
  await screenshot(page, '09-channel-templates');

  // The abandoned-cart journey: the send step offers the synced templates.
  const journey = await activeJourneyFromTemplate('abandoned_cart', 'Carrito — WhatsApp real', {
    seconds: 60,
  });
  await page.goto(`/journeys/${journey.id}`);
  await page.locator('[data-testid=node-send_cart]').click();
  const picker = page.getByLabel('Plantilla sincronizada');
  await picker.waitFor();
  expect(await picker.textContent()).toContain('carrito_abandonado · es_MX');
  await screenshot(page, '09-inspector-template-picker');

  // A real send through the Cloud API, and the customer's tap coming back signed by Meta.
  const { runId } = await abandonCart(journey.id, { firstName: 'Lucía', phone: '+5215512340009' });
  const sent = await eventually(async () =>
    graph.requests.find(
      (r) => r.method === 'POST' && (r.body as { to?: string }).to === '5215512340009',
    ),
  );
  expect(sent.body).toMatchObject({ type: 'template', template: { name: 'carrito_abandonado' } });
  const run = await eventually(async () => {
    const r = await callApi<{ waitingFor?: { nodeId: string } }>('GET', `/runs/${runId}`);
    return r.waitingFor?.nodeId === 'wait_cart' ? r : undefined;
  });
  expect(run).toBeTruthy();
  const body = JSON.stringify(
    whatsappTemplateButton({ from: '+5215512340009', payload: 'buy', text: 'Comprar' }),
  );
  const webhook = await fetch(`${stack().baseUrl}/webhooks/whatsapp/${channelId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signMeta(body, META.appSecret),
    },
    body,
  });
  expect(webhook.status).toBe(200);
  const done = await eventually(async () => {
    const r = await callApi<{ status: string; outcome: string }>('GET', `/runs/${runId}`);
    return r.status === 'completed' ? r : undefined;
  });
  expect(done.outcome).toBe('clicked_buy');

  await page.goto(`/runs/${runId}`);
  const timeline = page.locator('[data-testid=timeline]');
  await timeline.waitFor();
  // The branch taken reads as on the canvas, never as its code.
  expect(await timeline.textContent()).toContain('tocó «Comprar»');
  expect(await timeline.textContent()).not.toContain('tapped_buy');
  await screenshot(page, '09-run-after-real-reply');
  await callApi('POST', `/journeys/${journey.id}/stop`);
});
