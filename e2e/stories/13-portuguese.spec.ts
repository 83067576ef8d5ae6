import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';

const session = loggedInPage('pt-BR');

type Json = Record<string, any>;
let activeJourneyId = '';
afterAll(async () => {
  // Hand the shared stack back without an active cart journey enrolling other stories' events.
  if (activeJourneyId) await callApi('POST', `/journeys/${activeJourneyId}/stop`).catch(() => {});
});

/** The cart template created in Portuguese through the API, waits shrunk, no quiet hours, active. */
async function activePortugueseCart(name: string): Promise<string> {
  const created = await callApi<Json>('POST', '/journeys', {
    name,
    templateId: 'abandoned_cart',
    language: 'pt',
  });
  const draft = created.draft;
  for (const node of Object.values<Json>(draft.nodes)) {
    if (node.type === 'wait_for') node.timeout = { amount: 300, unit: 'seconds' };
  }
  delete draft.settings.quietHours;
  await callApi('PUT', `/journeys/${created.id}/draft`, {
    definition: draft,
    layout: created.layout,
  });
  await callApi('POST', `/journeys/${created.id}/publish`);
  await callApi('POST', `/journeys/${created.id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
  });
  return created.id;
}

/** The message namespaces of the editor: `canvas.xyz` or `analytics.sent` on screen is a missing text. */
const RAW_KEY =
  /\b(app|nav|login|common|status|journeys|editor|publish|activate|nodes|inspector|validation|runs|contacts|versions|sandbox|analytics|channels|templatePicker|canvas|roles|roleHelp|access|team|auditActions|invitation)\.[a-zA-Z_]+/;

/** Words a Spanish screen has and a Portuguese one must not (ñ, ¿, ¡ and -ción too). */
const SPANISH =
  /[ñ¿¡]|ción\b|\b(Contactos|Canales|Recorridos?|Bandeja|Plantillas?|Disparador|Guardar|Cargando|Nuevo|Nueva|Correo|Contraseña|Salir|Pasos?|Vista previa|Borrador|Respuesta|Esperar respuesta|Actualizar contacto|Agregar|Añadir|Eliminar|Todavía|Aún|Elige|Escribe)\b/;

/**
 * The UI's own words on the screen: navigation, headings, labels, buttons, table heads, help.
 * Table rows (journey names, audit notes other stories typed in Spanish) are the user's data.
 */
async function uiText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'nav, h1, h2, h3, th, label, legend, button, .help, .empty, .subtitle, .badge, .palette, [role=dialog]',
      ),
    ]
      .filter((element) => !element.closest('tbody'))
      .map((element) => {
        if (!element.querySelector('select')) return (element as HTMLElement).innerText;
        // A select lists data (journey names) or each language by its own name («Español»).
        const copy = element.cloneNode(true) as HTMLElement;
        for (const select of copy.querySelectorAll('select')) select.replaceWith('\n');
        return copy.textContent ?? '';
      })
      .join('\n'),
  );
}

async function expectPortuguese(page: Page, screen: string, words: string[]) {
  await screenshot(page, `13-pt-${screen}`);
  const body = await page.evaluate(() => document.body.innerText);
  // textContent: as written, before CSS upper-cases a heading.
  const written = await page.evaluate(() => document.body.textContent ?? '');
  for (const word of words) expect(written, `${screen} shows «${word}»`).toContain(word);
  expect(body.match(RAW_KEY)?.[0], `${screen} shows an i18n key`).toBeUndefined();
  expect((await uiText(page)).match(SPANISH)?.[0], `${screen} shows Spanish`).toBeUndefined();
}

test('story 13: a Brazilian browser gets the editor in Portuguese: journeys, a template on the canvas, contacts, channels, the sandbox', async () => {
  const { page } = session;
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');

  // The journeys list: Portuguese navigation and actions.
  await page.goto('/');
  await page.getByRole('heading', { name: 'Fluxos', level: 1 }).waitFor();
  await expectPortuguese(page, 'journeys-start', [
    'Percursos',
    'Contatos',
    'Caixa de teste',
    'Canais',
  ]);

  // A journey from the abandoned-cart template: the dialog, then the canvas with Brazilian messages.
  await page
    .getByRole('button', { name: /Novo fluxo/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Carrinho abandonado').first().waitFor();
  await expectPortuguese(page, 'new-journey', ['A partir de um modelo', 'Em branco']);
  await dialog.getByRole('button', { name: 'Criar' }).click();
  await page.locator('[data-testid=node-send_cart]').waitFor();
  await page.getByText('Sem problemas').waitFor();
  await expectPortuguese(page, 'canvas', [
    'Lembrar do carrinho',
    'O que a pessoa fez?',
    'sem resposta em 24 h',
    'Esperar resposta',
    'Etapas',
    'Publicar',
  ]);

  // A step's inspector: labels, the message and its phone preview.
  await page.click('[data-testid=node-send_cart]');
  await page.getByText('Modelo aprovado').first().waitFor();
  await expectPortuguese(page, 'inspector', ['Nome da etapa', 'Canal', 'Botões', 'Tenho dúvidas']);
  await page
    .locator('.inspector figure.phone')
    .first()
    .evaluate((phone) => {
      phone.scrollIntoView({ block: 'center' });
      window.scrollTo(0, 0);
    });
  await expectPortuguese(page, 'inspector-preview', [
    'Para Ana Souza',
    'Oi, Ana! Você deixou',
    'R$ 249,90',
  ]);

  // Publishing says who is inside, in Portuguese.
  await page.click('[data-testid=publish]');
  await page.locator('[data-testid=publish-impact]').waitFor();
  await expectPortuguese(page, 'publish', ['Publicar a versão 1']);
  await page.click('[data-testid=confirm-publish]');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  // Activating as a pilot: holdout, quiet hours, goal.
  await page.click('[data-testid=activate]');
  await page.locator('[data-testid=confirm-activate]').waitFor();
  await expectPortuguese(page, 'activate', [
    'Ativar como piloto',
    'Grupo de controle (%)',
    'Horário de silêncio',
  ]);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();

  // A step nobody reaches: the problems panel explains it in Portuguese.
  const blank = await callApi<Json>('POST', '/journeys', { name: 'Em branco — história 13' });
  blank.draft.nodes.wait_1 = {
    type: 'wait',
    until: { kind: 'duration', duration: { amount: 1, unit: 'days' } },
  };
  await callApi('PUT', `/journeys/${blank.id}/draft`, {
    definition: blank.draft,
    layout: blank.layout,
  });
  await page.goto(`/journeys/${blank.id}`);
  await page.locator('[data-testid=node-wait_1]').waitFor();
  await page.click('.problems-toggle');
  await page.getByText('Conecte o gatilho à primeira etapa.').waitFor();
  await expectPortuguese(page, 'problems', [
    'Nenhum contato consegue chegar a esta etapa',
    '3 problemas',
  ]);

  // The list again, now with a journey in it.
  await page.getByRole('link', { name: 'Fluxos' }).click();
  await page.getByRole('heading', { name: 'Fluxos', level: 1 }).waitFor();
  await page.getByText('Carrinho abandonado').first().waitFor();
  await expectPortuguese(page, 'journeys', ['Nome', 'Versão', 'Rascunho']);

  // A Brazilian customer leaves a cart: the message in the sandbox phone is the Portuguese one.
  activeJourneyId = await activePortugueseCart('Carrinho — história 13');
  const events = await callApi<Json>('POST', '/events', {
    id: 'e2e-pt-carrinho-1',
    name: 'cart_abandoned',
    contact: {
      externalId: 'e2e-pt-ana',
      phone: '+5511912340013',
      firstName: 'Ana',
      consent: { whatsapp: true, sms: true, email: true },
    },
    properties: {
      cart_id: 'BR-13',
      cart_total: 'R$ 249,90',
      item_count: 2,
      cart_url: 'https://sua-loja.example/carrinho/BR-13',
    },
  });
  const contactId = events.results[0].contactId as string;
  const runId = events.results[0].enrollments[0].runId as string;
  await page.goto(`/sandbox/${contactId}`);
  const bubble = page.locator('[data-testid=bubble-outbound]').first();
  await bubble.waitFor({ timeout: 30_000 });
  await eventually(async () => (await bubble.textContent())?.includes('Você deixou 2 produtos'));
  await expectPortuguese(page, 'sandbox', ['Oi, Ana!', 'R$ 249,90', 'Tenho dúvidas']);

  // Contacts and channels.
  await page.getByRole('link', { name: 'Contatos' }).click();
  await page.getByRole('heading', { name: 'Contatos', level: 1 }).waitFor();
  await page.getByText('+5511912340013').first().waitFor();
  await expectPortuguese(page, 'contacts', ['Importar CSV', 'Celular', 'Consentimento']);

  await page.getByRole('link', { name: 'Canais' }).click();
  await page.getByRole('heading', { name: 'Canais', level: 1 }).waitFor();
  await expectPortuguese(page, 'channels', ['Adicionar canal', 'Por onde sai cada mensagem']);
  await page.getByRole('button', { name: 'Adicionar canal' }).first().click();
  await page.getByRole('dialog').waitFor();
  await expectPortuguese(page, 'channel-form', ['Provedor', 'Nome']);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();

  // The runs, with Ana's, and the team page.
  await page.getByRole('link', { name: 'Percursos' }).click();
  await page.getByRole('heading', { name: 'Percursos', level: 1 }).waitFor();
  await page.locator('table').getByText('Carrinho — história 13').first().waitFor();
  await expectPortuguese(page, 'runs', ['Contato', 'Etapa', 'Piloto ativo', 'Tratamento']);
  await page.goto(`/runs/${runId}`);
  await page.getByText('Entrou no fluxo').first().waitFor();
  await expectPortuguese(page, 'run', ['Linha do tempo', 'Entrou no fluxo', 'Tirar do fluxo']);

  // The pilot's KPIs and the activation dialog.
  await page.goto(`/journeys/${activeJourneyId}/kpis`);
  await page.getByText('Conversão').first().waitFor();
  await expectPortuguese(page, 'kpis', ['Ganho vs. controle', 'Custo por conversão']);

  await page.getByRole('link', { name: 'Equipe e acesso' }).click();
  await page.getByRole('heading', { name: 'Equipe e acesso', level: 1 }).waitFor();
  await expectPortuguese(page, 'team', ['Membros', 'Chaves de API', 'Registro de atividade']);
});
