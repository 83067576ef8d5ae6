import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';

const session = loggedInPage('es-MX');

test('story 6: preview runs the journey in compressed time and the path lights up on the canvas', async () => {
  const { page } = session;
  // The template as it ships: 24-hour waits. In preview a day passes in 10 seconds.
  const created = await callApi('POST', '/journeys', {
    name: 'Carrito — vista previa',
    templateId: 'abandoned_cart',
  });
  const draft = created.draft;
  delete draft.settings.quietHours;
  await callApi('PUT', `/journeys/${created.id}/draft`, {
    definition: draft,
    layout: created.layout,
  });

  await page.goto(`/journeys/${created.id}`);
  await page.locator('[data-testid=node-send_cart]').waitFor();
  await page.getByRole('button', { name: /Vista previa/ }).click();
  await page.click('[data-testid=start-preview]');
  // The WhatsApp message reaches the test contact's phone; the first steps light up.
  await page
    .locator('.preview-panel [data-testid=bubble-outbound]')
    .first()
    .waitFor({ timeout: 30_000 });
  await eventually(
    async () => (await page.locator('[data-testid=node-wait_cart].highlighted').count()) === 1,
  );
  await screenshot(page, '06-preview-waiting');
  // No reply: after the (compressed) 24 h the SMS reminder goes out and the path moves on.
  await eventually(
    async () => (await page.locator('[data-testid=node-send_reminder].highlighted').count()) === 1,
    40_000,
  );
  await eventually(
    async () =>
      (await page.locator('[data-testid=node-exit_no_response].highlighted').count()) === 1,
    40_000,
  );
  expect(await page.locator('.preview-panel [data-testid=bubble-outbound]').count()).toBe(2);
  // The exit step's name, not its outcome code.
  expect(await page.textContent('[data-testid=preview-state]')).toContain('Sin respuesta');
  expect(await page.textContent('[data-testid=preview-state]')).not.toContain('no_response');
  await screenshot(page, '06-preview-done');

  // Preview runs are never counted.
  const journeys = await callApi<Record<string, any>[]>('GET', '/journeys');
  expect(journeys.find((j) => j.id === created.id)?.entered).toBe(0);
});
