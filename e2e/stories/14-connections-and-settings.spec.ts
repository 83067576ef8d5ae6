import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';

type Json = Record<string, any>;
const session = loggedInPage('es-MX');

async function draftOf(journeyId: string) {
  return (await callApi<Json>('GET', `/journeys/${journeyId}`)).draft as Json;
}

test('story 14: a connection is selected, removed alone and undone; a deleted step comes back with its connections', async () => {
  const { page } = session;
  const created = await callApi<Json>('POST', '/journeys', {
    name: 'Carrito — conexiones',
    templateId: 'abandoned_cart',
  });
  const original = created.draft.edges.map((e: Json) => e.id).sort();
  await page.goto(`/journeys/${created.id}`);
  await page.locator('[data-testid=node-wait_cart]').waitFor();

  // Click a connection: it is selected (and the step in the inspector is not).
  const edge = page.locator('.react-flow__edge[data-id="wait_cart.tapped_buy"]');
  await edge.locator('.react-flow__edge-interaction').click({ force: true });
  await expect.poll(() => edge.getAttribute('class')).toContain('selected');
  const remove = page.locator('[data-testid="edge-remove-wait_cart.tapped_buy"]');
  await remove.waitFor();
  expect(await remove.getAttribute('aria-label')).toBe('Quitar conexión');
  await screenshot(page, '14-connection-selected');

  // Delete removes the connection only, and the autosave keeps every step.
  await page.keyboard.press('Delete');
  await eventually(async () => {
    const draft = await draftOf(created.id);
    return !draft.edges.some((e: Json) => e.id === 'wait_cart.tapped_buy') && draft;
  });
  const afterEdge = await draftOf(created.id);
  expect(Object.keys(afterEdge.nodes).sort()).toEqual(Object.keys(created.draft.nodes).sort());
  expect(afterEdge.edges).toHaveLength(original.length - 1);

  // One undo brings it back.
  await page.keyboard.press('Control+z');
  await eventually(async () => (await draftOf(created.id)).edges.length === original.length);

  // A step deleted with Delete takes its connections; one undo brings back both.
  // The undo re-renders the canvas: the step must show as selected before Delete means it.
  const step = page.locator('[data-testid=node-wait_order]');
  await eventually(async () => {
    await step.click();
    return (await step.getAttribute('class'))?.includes('selected');
  });
  await page.keyboard.press('Delete');
  await eventually(async () => !(await draftOf(created.id)).nodes.wait_order);
  await page.keyboard.press('Control+z');
  const restored = await eventually(async () => {
    const draft = await draftOf(created.id);
    return draft.nodes.wait_order && draft.edges.length === original.length && draft;
  });
  expect(restored.edges.map((e: Json) => e.id).sort()).toEqual(original);
});

test('story 14: "Activar piloto" with quiet hours switched off sends them off, and keeps the goal as the journey has it', async () => {
  const { page } = session;
  const created = await callApi<Json>('POST', '/journeys', {
    name: 'Carrito — sin horario de silencio',
    templateId: 'abandoned_cart',
  });
  await callApi('POST', `/journeys/${created.id}/publish`);
  await page.goto(`/journeys/${created.id}`);
  await page.locator('[data-testid=activate]:not([disabled])').waitFor();
  await page.click('[data-testid=activate]');
  const quiet = page.getByRole('checkbox', { name: 'Horario de silencio' });
  expect(await quiet.isChecked()).toBe(true);
  await quiet.uncheck();
  await screenshot(page, '14-activate-quiet-off');
  await page.click('[data-testid=confirm-activate]');
  const journey = await eventually(async () => {
    const j = await callApi<Json>('GET', `/journeys/${created.id}`);
    return j.status === 'active' && j;
  });
  expect(journey.activation.quietHours).toBeNull();
  expect(journey.activation.goal).toEqual(created.draft.settings.goal);
  expect(journey.activation.reentry).toEqual(created.draft.settings.reentry);

  // "Detener" asks first and says how many people it takes out.
  await page.getByRole('button', { name: 'Detener' }).click();
  await expect
    .poll(() => page.getByTestId('stop-impact').textContent())
    .toContain('0 personas en curso salen del flujo');
  await screenshot(page, '14-stop-confirm');
  await page.getByRole('dialog').getByRole('button', { name: 'Detener' }).click();
  await eventually(
    async () => (await callApi<Json>('GET', `/journeys/${created.id}`)).status === 'stopped',
  );
  expect(await page.getByTestId('toast').textContent()).toContain('detenido');
});

test('story 14: from the list, a journey is duplicated, renamed and archived; each says it was done; a published draft reads «Publicado»', async () => {
  const { page } = session;
  const created = await callApi<Json>('POST', '/journeys', {
    name: 'Reactivación — lista',
    templateId: 'reactivation',
  });
  await callApi('POST', `/journeys/${created.id}/publish`);
  await page.goto('/');
  const row = page.locator('tr', { hasText: 'Reactivación — lista' });
  await expect
    .poll(() => row.locator('[data-testid=journey-status]').textContent())
    .toBe('Publicado');

  await page.click(`[data-testid=journey-actions-${created.id}]`);
  await screenshot(page, '14-journey-menu');
  // Published, not a draft any more: deleting is refused with the reason, archiving is offered.
  const remove = page.getByRole('menuitem', { name: /Eliminar/ });
  expect(await remove.isDisabled()).toBe(true);
  expect(await remove.textContent()).toContain('archiva los demás');
  await page.getByRole('menuitem', { name: 'Duplicar' }).click();
  await page.waitForURL(
    (url) => url.pathname.startsWith('/journeys/') && !url.pathname.endsWith(created.id),
  );
  expect(await page.getByTestId('toast').textContent()).toContain(
    'Copia creada: «Reactivación — lista (copia)»',
  );

  await page.goto('/');
  const copyRow = page.locator('tr', { hasText: 'Reactivación — lista (copia)' });
  await copyRow.getByRole('button', { name: /Acciones de/ }).click();
  await page.getByRole('menuitem', { name: 'Renombrar' }).click();
  await page.getByLabel('Nombre nuevo').fill('Reactivación — segunda');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await eventually(async () =>
    (await page.getByTestId('toast').allTextContents())
      .join(' ')
      .includes('«Reactivación — segunda»'),
  );

  await page
    .locator('tr', { hasText: 'Reactivación — segunda' })
    .getByRole('button', { name: /Acciones de/ })
    .click();
  await page.getByRole('menuitem', { name: /Archivar/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archivar' }).click();
  await eventually(
    async () => (await page.locator('tr', { hasText: 'Reactivación — segunda' }).count()) === 0,
  );
  const journeys = await callApi<Json[]>('GET', '/journeys');
  expect(journeys.some((j) => j.name === 'Reactivación — segunda')).toBe(false);
});

test('story 14: the versions say what changed; an older one comes back as the draft', async () => {
  const { page } = session;
  const created = await callApi<Json>('POST', '/journeys', {
    name: 'Carrito — versiones',
    templateId: 'abandoned_cart',
  });
  await callApi('POST', `/journeys/${created.id}/publish`);
  const draft = structuredClone(created.draft);
  draft.nodes.send_reminder.name = 'Recordatorio nuevo';
  await callApi('PUT', `/journeys/${created.id}/draft`, { definition: draft });
  await callApi('POST', `/journeys/${created.id}/publish`);

  await page.goto(`/journeys/${created.id}`);
  await page.click('[data-testid=versions-button]');
  await expect
    .poll(() => page.getByTestId('version-diff-2').textContent())
    .toBe('+0 pasos, −0, 1 cambiados');
  expect(await page.getByTestId('version-diff-1').textContent()).toBe('primera versión');
  await screenshot(page, '14-versions');
  await page.click('[data-testid=restore-v1]');
  await page.getByRole('button', { name: 'Restaurar como borrador' }).last().click();
  await eventually(
    async () =>
      (await callApi<Json>('GET', `/journeys/${created.id}`)).draft.nodes.send_reminder.name !==
      'Recordatorio nuevo',
  );
  await page.locator('[data-testid=node-send_reminder]').waitFor();
});
