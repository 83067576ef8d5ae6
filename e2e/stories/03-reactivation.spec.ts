import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';
import { activeJourneyFromTemplate } from '../journeys';

const session = loggedInPage('es-MX');

test('story 3: reactivation — no reply until the timeout, then the SMS fallback arrives', async () => {
  const { page } = session;
  const seeded = await callApi('POST', '/events', {
    id: `seen-reactivation-${Date.now()}`,
    name: 'customer_seen',
    contact: {
      externalId: 'dormant-e2e',
      phone: '+5215512340003',
      firstName: 'Rosa',
      consent: { whatsapp: true, sms: true, email: true },
      attributes: { last_order_at: new Date(Date.now() - 120 * 86_400_000).toISOString() },
    },
  });
  const contactId = seeded.results[0].contactId;
  const journey = await activeJourneyFromTemplate('reactivation', 'Reactivación — historia 3', {
    seconds: 8,
  });
  await callApi('POST', `/journeys/${journey.id}/sweep`);

  await page.goto(`/sandbox/${contactId}`);
  const bubbles = page.locator('[data-testid=bubble-outbound]');
  await bubbles.first().waitFor({ timeout: 30_000 });
  expect(await bubbles.first().textContent()).toContain('WHATSAPP');
  await screenshot(page, '03-whatsapp');
  // Nobody answers: after the wait the SMS goes out.
  await eventually(async () => (await bubbles.count()) >= 2, 60_000);
  const sms = await bubbles.nth(1).textContent();
  expect(sms).toContain('SMS');
  expect(sms).toContain('Rosa');
  await screenshot(page, '03-sms-fallback');
  const runs = await callApi<Record<string, any>[]>('GET', `/runs?journeyId=${journey.id}`);
  const run = await callApi('GET', `/runs/${runs[0]?.id}`);
  expect(
    run.steps.some((s: Record<string, any>) => s.kind === 'took' && s.port === 'timeout'),
  ).toBe(true);
  // Leave the shared stack quiet for the next story.
  await callApi('POST', `/journeys/${journey.id}/stop`);
});
