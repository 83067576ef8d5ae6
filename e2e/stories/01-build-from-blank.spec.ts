import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';
import { connect, dropStep } from '../canvas';

const session = loggedInPage('es-MX');

async function problems(): Promise<string> {
  return (await session.page.textContent('[data-testid=problems-count]')) ?? '';
}

test('story 1: build the abandoned-cart journey on a blank canvas, fix a problem, publish and activate a pilot', async () => {
  const { page } = session;
  await page
    .getByRole('button', { name: /Nuevo flujo/ })
    .first()
    .click();
  await page.getByLabel('Nombre', { exact: true }).fill('Carrito — dibujado a mano');
  await page.click('[data-testid=template-blank]');
  await page.getByRole('button', { name: 'Crear' }).click();
  await page.locator('[data-testid=node-trigger]').waitFor();
  const journeyId = page.url().split('/').pop() as string;

  // The trigger: cart_abandoned, one run per cart.
  await page.click('[data-testid=node-trigger]');
  await page.getByLabel('Clave de entrada (un recorrido por…)').fill('cart_id');

  // Make room, then drag the steps from the palette.
  await page.click('.react-flow__controls-zoomout');
  await page.click('.react-flow__controls-zoomout');
  await page.click('.react-flow__controls-zoomout');
  await dropStep(page, 'send', 0, 120);
  await page.locator('[data-testid=node-send_1]').waitFor();
  await dropStep(page, 'wait_for', 0, 240);
  await page.locator('[data-testid=node-wait_for_1]').waitFor();
  await dropStep(page, 'exit', -170, 370);
  await dropStep(page, 'exit', 170, 370);
  await page.locator('[data-testid=node-exit_2]').waitFor();

  await connect(page, 'trigger', 'next', 'send_1');
  await connect(page, 'send_1', 'sent', 'wait_for_1');
  await connect(page, 'wait_for_1', 'replied', 'exit_1');
  // One output is still open: the editor says so, on the node and in the panel.
  await eventually(async () => (await problems()).includes('problema'));
  await page.locator('[data-testid=problems-wait_for_1]').waitFor();
  await page.click('.problems-toggle');
  // The panel names the step as its card does, not by its id.
  expect(await page.textContent('[data-testid=problems-panel]')).toContain('Esperar respuesta:');
  expect(await page.textContent('[data-testid=problems-panel]')).not.toContain('wait_for_1');
  await screenshot(page, '01-problem');
  await page.click('.problems-toggle');

  // Fix it: connect the timeout, let a failed send end the run, name the outcomes.
  await connect(page, 'wait_for_1', 'timeout', 'exit_2');
  await page.click('[data-testid=node-send_1]');
  await page
    .locator('label.output-exit')
    .filter({ hasText: 'Termina aquí' })
    .first()
    .locator('input')
    .check();
  await page.click('[data-testid=node-exit_1]');
  await page.getByLabel('Resultado', { exact: true }).fill('converted');
  await page.click('[data-testid=node-exit_2]');
  await page.getByLabel('Resultado', { exact: true }).fill('no_response');
  await eventually(async () => (await problems()).includes('Sin problemas'));
  await eventually(async () =>
    (await page.textContent('[data-testid=save-state]'))?.includes('Guardado'),
  );
  await screenshot(page, '01-valid');

  const saved = await callApi('GET', `/journeys/${journeyId}`);
  expect(saved.problems).toEqual([]);
  expect(saved.draft.trigger).toMatchObject({
    kind: 'event',
    event: 'cart_abandoned',
    entryKey: 'cart_id',
  });
  expect(saved.draft.edges).toHaveLength(4);

  // Publish, then activate a pilot: 100% enrollment, no holdout.
  await page.click('[data-testid=publish]');
  await page.click('[data-testid=confirm-publish]');
  await page.locator('[data-testid=activate]:not([disabled])').waitFor();
  await page.click('[data-testid=activate]');
  await page.getByLabel('Inscripción (%)').fill('100');
  await page.getByLabel('Grupo de control (%)').fill('0');
  await screenshot(page, '01-activate');
  await page.click('[data-testid=confirm-activate]');
  await eventually(
    async () => (await callApi('GET', `/journeys/${journeyId}`)).status === 'active',
  );
  const journey = await callApi('GET', `/journeys/${journeyId}`);
  expect(journey.activation.pilot).toMatchObject({ enrollmentPercent: 100, holdoutPercent: 0 });
  expect(journey.activeVersion.version).toBe(1);
  await page.locator('.badge-active').first().waitFor();
  await screenshot(page, '01-active');
  // Leave the shared stack quiet for the next story.
  await callApi('POST', `/journeys/${journeyId}/stop`);
});
