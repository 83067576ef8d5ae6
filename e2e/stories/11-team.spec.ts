import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callApi, launchBrowser, logIn, newPage, screenshot, stack } from '../browser';
import { activeJourneyFromTemplate } from '../journeys';

let browser: Browser;
let journeyId = '';
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  // Hand the shared stack back without an active cart journey enrolling other stories' events.
  if (journeyId) await callApi('POST', `/journeys/${journeyId}/stop`).catch(() => undefined);
  await browser?.close();
});

const EDITOR_EMAIL = 'ana.editora@agencia.mx';
const EDITOR_PASSWORD = 'clave-de-ana-2025';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('nav[aria-label=main]');
}

test('story 11: the owner invites an editor, who joins from a second browser; made a viewer, they can look but not change', async () => {
  const journey = await activeJourneyFromTemplate('abandoned_cart', 'Carrito — equipo');
  journeyId = journey.id;

  // The owner opens «Equipo y acceso» from the shell's navigation.
  const owner = await newPage(browser, 'es-MX');
  await logIn(owner.page);
  await owner.page.getByRole('link', { name: 'Equipo y acceso' }).click();
  await owner.page.getByRole('heading', { name: 'Equipo y acceso', level: 1 }).waitFor();
  expect(await owner.page.getByTestId('my-role').textContent()).toBe('Tu rol: Propietario');
  await owner.page.getByTestId('api-key-Demo key').waitFor();
  await owner.page.getByTestId('audit-log').getByText('Inició sesión').first().waitFor();
  await screenshot(owner.page, '11-team-owner');

  // Invites Ana as an editor: the link is shown to copy (no email channel: it says so).
  await owner.page.getByRole('button', { name: 'Invitar' }).click();
  const dialog = owner.page.getByRole('dialog', { name: 'Invitar al equipo' });
  await dialog.getByLabel('Correo').fill(EDITOR_EMAIL);
  await dialog.getByLabel(/^Editor/).check();
  await dialog.getByRole('button', { name: 'Crear invitación' }).click();
  const linkField = dialog.getByTestId('invitation-link');
  await linkField.waitFor();
  const link = await linkField.inputValue();
  expect(link).toMatch(new RegExp(`^${stack().baseUrl}/invitations/[\\w-]{40,}$`));
  await dialog.getByText('comparte tú el enlace').waitFor();
  await screenshot(owner.page, '11-team-invitation-link');
  await dialog.getByRole('button', { name: 'Listo' }).click();
  await owner.page.getByTestId(`invitation-${EDITOR_EMAIL}`).waitFor();

  // Ana opens the link in her own browser, sets her name and password, and is in.
  const ana = await newPage(browser, 'es-MX');
  await ana.page.goto(link);
  await ana.page.getByRole('heading', { name: 'Únete a «Demo»' }).waitFor();
  await ana.page.getByText('Te invitaron como Editor').waitFor();
  await ana.page.getByLabel('Tu nombre').fill('Ana');
  await ana.page.getByLabel('Elige una contraseña').fill(EDITOR_PASSWORD);
  await screenshot(ana.page, '11-team-accept');
  await ana.page.getByRole('button', { name: 'Unirme al equipo' }).click();
  await ana.page.waitForSelector('nav[aria-label=main]');
  expect(await ana.page.getByTestId('my-role').textContent()).toBe('Tu rol: Editor');
  await ana.page
    .getByRole('button', { name: /Nuevo flujo/ })
    .first()
    .waitFor();

  // She signs in again on her own: the account works with the password she chose.
  await ana.page.getByRole('button', { name: 'Salir' }).click();
  await signIn(ana.page, EDITOR_EMAIL, EDITOR_PASSWORD);
  await ana.page.goto(`/journeys/${journey.id}`);
  await ana.page.getByTestId('publish').waitFor();
  await screenshot(ana.page, '11-team-editor-canvas');

  // The owner makes her a viewer; her session ends at once.
  await owner.page.reload();
  const roleOfAna = owner.page.getByLabel(`Rol de ${EDITOR_EMAIL}`);
  await roleOfAna.waitFor();
  await roleOfAna.selectOption({ label: 'Lector' });
  await owner.page.getByText(`${EDITOR_EMAIL} ahora es Lector`).waitFor();
  await screenshot(owner.page, '11-team-role-changed');

  await ana.page.reload();
  await ana.page.getByRole('heading', { name: 'Entra a Ruta' }).waitFor();
  await signIn(ana.page, EDITOR_EMAIL, EDITOR_PASSWORD);
  expect(await ana.page.getByTestId('my-role').textContent()).toBe('Tu rol: Lector');

  // As a viewer she reads everything and can change nothing: no create, no publish, a read-only canvas.
  expect(await ana.page.getByRole('button', { name: /Nuevo flujo/ }).count()).toBe(0);
  await ana.page.getByText('Carrito — equipo').first().waitFor();
  await ana.page.goto(`/journeys/${journey.id}`);
  await ana.page.getByText('Solo lectura: tu rol es Lector.').waitFor();
  expect(await ana.page.getByTestId('publish').count()).toBe(0);
  expect(await ana.page.getByRole('button', { name: 'Pausar' }).count()).toBe(0);
  await screenshot(ana.page, '11-team-viewer-canvas');
  // The API says no too, naming the role it needs.
  const refused = await ana.page.evaluate(async (id) => {
    const res = await fetch(`/api/journeys/${id}/pause`, { method: 'POST' });
    return { status: res.status, body: await res.json() };
  }, journey.id);
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ requiredRole: 'editor', code: 'role_required' });
  const detail = await callApi<Record<string, any>>('GET', `/journeys/${journey.id}`);
  expect(detail.status).toBe('active');

  await ana.page.getByRole('link', { name: 'Equipo y acceso' }).click();
  await ana.page.getByTestId('team-read-only').waitFor();
  await screenshot(ana.page, '11-team-viewer');

  // The owner sees all of it in the audit log.
  await owner.page.reload();
  const audit = owner.page.getByTestId('audit-log');
  await audit.getByText('Cambió un rol').first().waitFor();
  await audit.getByText('Se unió al equipo').first().waitFor();
  await audit.getByText('Invitó a alguien').first().waitFor();
  await audit.evaluate((table) => table.closest('section')?.scrollIntoView({ block: 'start' }));
  await screenshot(owner.page, '11-team-audit');
  await owner.context.close();
  await ana.context.close();
});
