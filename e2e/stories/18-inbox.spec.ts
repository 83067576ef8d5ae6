import { startFakeGraphApi } from '@ruta/engine/testing';
import { afterAll, expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot, stack } from '../browser';
import { abandonCart } from '../journeys';

const session = loggedInPage('es-MX');
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

type Json = Record<string, any>;

/**
 * An abandoned cart whose «Pasar a ventas» step waits for the agent: «vendió» ends the run as
 * `sold`; solved, no sale and timeout leave through «Atendido por ventas».
 */
async function cartJourneyWithSales(name: string): Promise<string> {
  const created = await callApi<Json>('POST', '/journeys', { name, templateId: 'abandoned_cart' });
  const draft = created.draft;
  Object.assign(draft.nodes.handoff_help, { waitForAgent: true, exitPorts: ['sold'] });
  draft.edges = draft.edges.filter((e: Json) => e.source !== 'handoff_help');
  for (const port of ['solved', 'no_sale', 'timeout'])
    draft.edges.push({
      id: `handoff_help-${port}`,
      source: 'handoff_help',
      sourcePort: port,
      target: 'exit_handed_off',
    });
  delete draft.settings.quietHours;
  await callApi('PUT', `/journeys/${created.id}/draft`, {
    definition: draft,
    layout: created.layout,
  });
  await callApi('POST', `/journeys/${created.id}/publish`);
  await callApi('POST', `/journeys/${created.id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
    quietHours: null,
  });
  return created.id as string;
}

/**
 * Issue #21, «Conversaciones»: a customer taps «Tengo dudas» on the cart's WhatsApp; the badge
 * tells the team within seconds, without a reload; an agent opens the conversation with the cart
 * beside it, takes it, answers on WhatsApp and closes it as «Vendió»; the run ends by that result.
 */
test('story 18: a tap on «Tengo dudas» reaches «Conversaciones»; the agent takes it, answers on WhatsApp and closes it as sold', async () => {
  const { page } = session;
  const journeyName = 'Carrito con ventas — historia 18';
  const journeyId = await cartJourneyWithSales(journeyName);
  const before = (await callApi<Json>('GET', '/handoffs')).unassigned as number;

  const { contactId, runId } = await abandonCart(journeyId, {
    firstName: 'Jimena',
    phone: '+5215512340018',
  });
  expect(runId).toBeTruthy();
  await eventually(
    async () => (await callApi<Json>('GET', `/runs/${runId}`)).currentNode === 'wait_cart',
  );

  // The customer taps «Tengo dudas» on their phone (the sandbox).
  await page.goto(`/sandbox/${contactId}`);
  const row = page.locator(`.bubble-row[data-journey="${journeyName}"]`);
  await row.locator('[data-testid=tap-help]').first().click();

  // No reload: the navigation's badge counts the new conversation within seconds.
  const badge = page.getByTestId('inbox-badge');
  await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toContain(String(before + 1));
  expect(await badge.getAttribute('title')).toBe(`${before + 1} sin tomar`);
  await screenshot(page, '18-inbox-badge');

  await page.getByRole('link', { name: /Conversaciones/ }).click();
  const item = page.getByTestId('handoff-row').filter({ hasText: 'Jimena' });
  await item.waitFor();
  const rowText = await item.innerText();
  expect(rowText).toContain('tocó «Tengo dudas»');
  expect(rowText).toContain('ventas');
  expect(rowText).toContain(journeyName);
  expect(rowText).toMatch(/Espera desde hace/);
  expect(rowText).toContain('Sin tomar');
  await screenshot(page, '18-inbox-list');

  await item.click();
  const context = page.getByTestId('context');
  await context.waitFor();
  await expect.poll(() => context.innerText()).toContain('$1,299.00');
  const contextText = await context.innerText();
  expect(contextText).toContain('tocó «Tengo dudas»');
  expect(contextText).toContain('Tiene dudas sobre su carrito');
  expect(contextText).not.toContain('cart_total');
  const thread = page.getByTestId('thread');
  expect(await thread.innerText()).toContain('tocó «Tengo dudas»');
  expect(await page.getByTestId('reply-window').innerText()).toMatch(
    /La ventana de 24 h de WhatsApp cierra en (23 h|1 día)/,
  );
  await screenshot(page, '18-inbox-conversation');

  await page.getByRole('button', { name: 'Tomar', exact: true }).click();
  await expect.poll(() => page.getByTestId('handoff-state').innerText()).toBe('La atiendes tú');

  const answer = 'Hola Jimena, soy Ana de la tienda. ¿Qué duda tienes sobre tu carrito?';
  await page.getByLabel('Tu respuesta por WhatsApp').fill(answer);
  await page.getByRole('button', { name: 'Enviar', exact: true }).click();
  const sent = page.getByTestId('message-agent').filter({ hasText: answer });
  await sent.waitFor({ timeout: 20_000 });
  // It reached the customer's WhatsApp (the sandbox phone), once.
  const phone = await eventually(async () => {
    const conversation = await callApi<Json>('GET', `/sandbox/conversations/${contactId}`);
    const answers = conversation.items.filter(
      (i: Json) =>
        i.direction === 'outbound' && i.channel === 'whatsapp' && i.content?.text === answer,
    );
    return answers.length > 0 && answers;
  });
  expect(phone).toHaveLength(1);
  await page.getByLabel('Agregar nota').fill('Pregunta si hay envío gratis a Guadalajara');
  await page.getByRole('button', { name: 'Agregar nota' }).click();
  await page.getByTestId('notes').getByText('Pregunta si hay envío gratis').waitFor();
  await screenshot(page, '18-inbox-answered');

  await page.getByRole('button', { name: 'Cerrar', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Cerrar la conversación con Jimena' });
  await dialog.getByText('Vendió', { exact: true }).click();
  await screenshot(page, '18-inbox-close');
  await dialog.getByRole('button', { name: 'Cerrar conversación' }).click();
  await expect.poll(() => page.getByTestId('handoff-state').innerText()).toBe('Cerrada: Vendió');
  expect(await page.getByTestId('closed-note').innerText()).toContain('«Vendió»');
  await screenshot(page, '18-inbox-closed');

  // The run went on by the agent's result and ended there.
  await eventually(
    async () => (await callApi<Json>('GET', `/runs/${runId}`)).status === 'completed',
  );
  expect((await callApi<Json>('GET', `/runs/${runId}`)).outcome).toBe('sold');
  await page.goto(`/runs/${runId}`);
  const outcome = page.getByTestId('run-outcome');
  await outcome.waitFor();
  expect(await outcome.innerText()).toBe('vendió un agente');
  expect(await page.locator('body').innerText()).not.toMatch(/\bsold\b/);
  expect(await page.getByTestId('timeline').innerText()).toContain(
    'Señal recibida: un agente cerró la conversación',
  );
  await screenshot(page, '18-inbox-run');

  // The KPI page measures the queue: one conversation, answered, closed as sold.
  await page.goto(`/journeys/${journeyId}/kpis`);
  const queue = page.getByTestId('kpi-handoffs').locator('tr[data-queue="ventas"]');
  await queue.waitFor();
  const cells = await queue.locator('td').allInnerTexts();
  // Equipo, Conversaciones, Abiertas, Primera respuesta, Hasta cerrar, Vendió, Resuelto, Sin venta, Compraron
  expect(cells[0]).toBe('ventas');
  expect(cells.slice(1, 3)).toEqual(['1', '0']);
  expect(cells[3]).toMatch(/min/);
  expect(cells.slice(5, 8)).toEqual(['1', '0', '0']);
  await page.getByTestId('kpi-handoffs').scrollIntoViewIfNeeded();
  await screenshot(page, '18-inbox-kpis');

  // Admins choose who hears of each queue's new conversations.
  await page.goto('/inbox');
  await page.getByRole('button', { name: /Avisos/ }).click();
  await page.getByRole('form', { name: 'ventas' }).waitFor();
  await screenshot(page, '18-inbox-alerts');
  await page.keyboard.press('Escape');

  await callApi('POST', `/journeys/${journeyId}/stop`);
});

/** A journey that hands every new cart straight to «ventas», before any message: no WhatsApp yet. */
async function straightToSales(name: string): Promise<string> {
  const created = await callApi<Json>('POST', '/journeys', { name, templateId: 'abandoned_cart' });
  const draft = created.draft;
  const kept = ['handoff_help', 'exit_handed_off'];
  draft.nodes = Object.fromEntries(kept.map((id) => [id, draft.nodes[id]]));
  draft.edges = [
    { id: 'trigger-next', source: 'trigger', sourcePort: 'next', target: 'handoff_help' },
    {
      id: 'handoff_help-next',
      source: 'handoff_help',
      sourcePort: 'next',
      target: 'exit_handed_off',
    },
  ];
  delete draft.settings.quietHours;
  const layout = Object.fromEntries(kept.map((id) => [id, created.layout[id]]));
  await callApi('PUT', `/journeys/${created.id}/draft`, { definition: draft, layout });
  await callApi('POST', `/journeys/${created.id}/publish`);
  await callApi('POST', `/journeys/${created.id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
    quietHours: null,
  });
  return created.id as string;
}

/**
 * WhatsApp takes free text only within 24 h of the customer's last message: to a customer who
 * never wrote, the agent sends an approved template (synced from the WhatsApp account), its blank
 * filled in, and sees the message as it will arrive.
 */
test('story 18b: a customer who never wrote on WhatsApp gets an approved template from the inbox', async () => {
  const { page } = session;
  const token = 'EAAG-e2e-inbox-token-0018';
  const graph = await startFakeGraphApi({ accessToken: token, port: stack().fakeGraphPort });
  cleanups.push(() => graph.close());
  graph.setTemplates([
    {
      name: 'seguimiento_carrito',
      language: 'es_MX',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [
        {
          type: 'BODY',
          text: 'Hola {{1}}, te escribimos de la tienda por tu carrito. ¿Te ayudamos?',
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
  const channel = await callApi<Json>('POST', '/channels', {
    provider: 'whatsapp',
    name: 'WhatsApp Tienda',
    config: {
      phoneNumberId: '106540352242918',
      businessAccountId: '102290129340318',
      accessToken: token,
      appSecret: 'e2e-inbox-app-secret',
      verifyToken: 'e2e-inbox-verify',
    },
  });
  cleanups.push(() => callApi('DELETE', `/channels/${channel.id}`));
  await callApi('POST', `/channels/${channel.id}/templates/sync`);

  const journeyId = await straightToSales('Carrito directo a ventas — historia 18');
  cleanups.push(() => callApi('POST', `/journeys/${journeyId}/stop`));
  const { contactId } = await abandonCart(journeyId, {
    firstName: 'Pablo',
    phone: '+5215512340028',
  });
  const handoff = await eventually(async () =>
    (await callApi<Json>('GET', '/handoffs')).items.find((h: Json) => h.contact.id === contactId),
  );

  await page.goto(`/inbox/${handoff.id}`);
  const picker = page.getByTestId('template-reply');
  await picker.waitFor();
  expect(await picker.innerText()).toContain('El cliente nunca te escribió por WhatsApp');
  expect(await page.getByLabel('Tu respuesta por WhatsApp').count()).toBe(0);
  const select = picker.getByLabel('Plantilla aprobada');
  const options = await select.locator('option').allInnerTexts();
  expect(options).toEqual([
    'Elige una plantilla…',
    expect.stringMatching(/^seguimiento_carrito · español/),
  ]);
  await select.selectOption({ index: 1 });
  await picker.getByLabel('Valor de {{1}}').fill('Pablo');
  expect(await picker.getByTestId('template-preview').innerText()).toBe(
    'Hola Pablo, te escribimos de la tienda por tu carrito. ¿Te ayudamos?',
  );
  await screenshot(page, '18-inbox-template');
  await picker.getByRole('button', { name: 'Enviar plantilla' }).click();
  const sent = await eventually(async () =>
    graph.requests.find(
      (r) => r.method === 'POST' && (r.body as { to?: string }).to === '5215512340028',
    ),
  );
  expect(sent.body).toMatchObject({
    type: 'template',
    template: { name: 'seguimiento_carrito', components: [{ parameters: [{ text: 'Pablo' }] }] },
  });
  // The conversation shows the words the customer read: the template's text, its blank filled.
  const bubble = page.getByTestId('message-agent');
  await bubble.waitFor({ timeout: 20_000 });
  expect(await bubble.innerText()).toContain(
    'Hola Pablo, te escribimos de la tienda por tu carrito. ¿Te ayudamos?',
  );
  await screenshot(page, '18-inbox-template-sent');
});
