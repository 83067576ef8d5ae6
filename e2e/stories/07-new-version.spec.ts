import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';
import { abandonCart, activeJourneyFromTemplate } from '../journeys';

const session = loggedInPage('es-MX');

test('story 7: editing an active journey and publishing shows the runs in flight; they finish on their version, new entries take the new one', async () => {
  const { page } = session;
  const journey = await activeJourneyFromTemplate('abandoned_cart', 'Carrito — historia 7', {
    seconds: 15,
  });
  const first = await abandonCart(journey.id, { firstName: 'Ana', phone: '+5215512340007' });
  const second = await abandonCart(journey.id, { firstName: 'Beto', phone: '+5215512340017' });
  await eventually(
    async () => (await callApi('GET', `/runs/${second.runId}`)).currentNode === 'wait_cart',
  );

  await page.goto(`/journeys/${journey.id}`);
  await page.locator('[data-testid=node-send_cart]').click();
  const name = page.getByLabel('Nombre del paso', { exact: true });
  await name.fill('Recordar el carrito (v2)');
  await eventually(async () =>
    (await page.textContent('[data-testid=save-state]'))?.includes('Guardado'),
  );
  await page.click('[data-testid=publish]');
  const impact = page.locator('[data-testid=publish-impact]');
  await impact.waitFor();
  const text = await impact.textContent();
  expect(text).toContain('2 personas');
  expect(text).toContain('¿Qué hizo?');
  expect(text).toMatch(/v1/);
  await screenshot(page, '07-publish-impact');
  await page.click('[data-testid=confirm-publish]');
  await eventually(
    async () => (await callApi('GET', `/journeys/${journey.id}`)).activeVersion?.version === 2,
  );

  await page.click('[data-testid=versions-button]');
  const versions = page.locator('[data-testid=versions]');
  await versions.waitFor();
  expect(await versions.textContent()).toMatch(/v2.*v1/s);
  await page.getByRole('button', { name: 'Ver' }).last().click();
  await page.locator('.version-canvas [data-testid=node-send_cart]').waitFor();
  await screenshot(page, '07-versions');
  await page.keyboard.press('Escape');

  const third = await abandonCart(journey.id, { firstName: 'Carla', phone: '+5215512340027' });
  const newRun = await eventually(async () => {
    const r = await callApi('GET', `/runs/${third.runId}`);
    return r.journey ? r : undefined;
  });
  expect(newRun.journey.version).toBe(2);
  // The runs in flight keep their version until they finish.
  for (const old of [first, second]) {
    const run = await eventually(async () => {
      const r = await callApi('GET', `/runs/${old.runId}`);
      return r.status === 'completed' ? r : undefined;
    }, 90_000);
    expect(run.journey.version).toBe(1);
  }
  // Leave the shared stack quiet for the next story.
  await callApi('POST', `/journeys/${journey.id}/stop`);
});
