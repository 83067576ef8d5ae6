import { expect, test } from 'vitest';
import { callApi, eventually, loggedInPage, screenshot } from '../browser';
import { activeJourneyFromTemplate } from '../journeys';

const session = loggedInPage('es-MX');

test('story 5: a 50% holdout for 20 contacts — holdout gets no message, analytics show both groups', async () => {
  const { page } = session;
  const journeyName = 'Carrito — historia 5';
  const journey = await activeJourneyFromTemplate('abandoned_cart', journeyName, {
    seconds: 120,
    pilot: { enrollmentPercent: 100, holdoutPercent: 50 },
  });
  const events = Array.from({ length: 20 }, (_, i) => ({
    id: `holdout-${journey.id}-${i}`,
    name: 'cart_abandoned',
    contact: {
      externalId: `holdout-${i}`,
      phone: `+52155199900${String(i).padStart(2, '0')}`,
      firstName: `Cliente ${i}`,
      consent: { whatsapp: true, sms: true },
    },
    properties: {
      cart_id: `H-${i}`,
      cart_total: '$500.00',
      item_count: 1,
      cart_url: 'https://tienda.mx/c',
    },
  }));
  const result = await callApi('POST', '/events', { events });
  const enrollments = result.results.map((r: Record<string, any>) => ({
    contactId: r.contactId,
    ...r.enrollments.find((e: Record<string, any>) => e.journeyId === journey.id),
  }));
  const holdout = enrollments.filter((e: Record<string, any>) => e.group === 'holdout');
  const treatment = enrollments.filter((e: Record<string, any>) => e.group === 'treatment');
  expect(holdout.length).toBeGreaterThan(0);
  expect(treatment.length).toBeGreaterThan(0);
  expect(holdout.length + treatment.length).toBe(20);

  await eventually(async () => {
    const runs = await callApi<Record<string, any>[]>(
      'GET',
      `/runs?journeyId=${journey.id}&limit=50`,
    );
    return runs.length === 20 && runs.every((r) => r.current_node === 'wait_cart');
  }, 60_000);
  for (const h of holdout.slice(0, 3)) {
    // Other journeys of this stack may also react to cart_abandoned: look at this journey's messages.
    const conversation = await callApi('GET', `/sandbox/conversations/${h.contactId}`);
    expect(
      conversation.items.filter((i: Record<string, any>) => i.journey_name === journeyName),
    ).toEqual([]);
  }
  const treated = await callApi('GET', `/sandbox/conversations/${treatment[0].contactId}`);
  expect(
    treated.items.filter((i: Record<string, any>) => i.journey_name === journeyName),
  ).toHaveLength(1);

  // Two conversions in each group.
  for (const e of [...holdout.slice(0, 2), ...treatment.slice(0, 2)]) {
    const index = enrollments.indexOf(e);
    await callApi('POST', '/events', {
      id: `order-h-${journey.id}-${index}`,
      name: 'order_placed',
      contact: { externalId: `holdout-${index}` },
      properties: { cart_id: `H-${index}` },
    });
  }
  const analytics = await eventually(async () => {
    const a = await callApi('GET', `/journeys/${journey.id}/analytics`);
    return a.lift?.treatment?.converted === 2 && a.lift?.holdout?.converted === 2 ? a : undefined;
  }, 60_000);
  expect(analytics.lift.treatment.entered + analytics.lift.holdout.entered).toBe(20);

  await page.goto(`/journeys/${journey.id}/kpis`);
  await page.locator('[data-testid=kpi-lift]').waitFor({ timeout: 20_000 });
  const kpis = await page.textContent('[data-testid=kpi-lift]');
  expect(kpis).toContain('Control');
  expect(kpis).toContain('Tratamiento');
  // One definition of the conversion: the card, the lift's treatment row and the journeys list
  // all say the treatment group's 2 of ${analytics.lift.treatment.entered}.
  const { entered, converted } = analytics.lift.treatment;
  expect(analytics.goal).toMatchObject({ entered, conversions: converted });
  const card = await page.locator('.kpi-card').first().textContent();
  expect(card).toContain(`${converted} / ${entered}`);
  expect(kpis).toContain(`${converted}/${entered}`);
  const listed = (await callApi<Record<string, any>[]>('GET', '/journeys')).find(
    (j) => j.id === journey.id,
  );
  expect(listed).toMatchObject({ converted, conversionRate: converted / entered });
  // What the messages cost, by channel, WhatsApp category and window.
  const breakdown = await page.getByTestId('kpi-cost-breakdown').innerText();
  expect(breakdown).toMatch(
    /WhatsApp\s+(Marketing|Utilidad|Servicio|Autenticación)\s+(dentro|fuera)/,
  );
  await screenshot(page, '05-holdout-kpis');

  // The pilot's report: the question, both groups, and a verdict a shop owner understands —
  // with 20 runs, no conclusion yet, and how many it would take.
  await page.getByRole('link', { name: 'Informe del piloto' }).click();
  const verdict = page.getByTestId('report-verdict');
  await verdict.waitFor();
  expect(await verdict.innerText()).toMatch(
    /Aún no hay evidencia suficiente(\. Para saberlo hacen falta unos \d+ recorridos por grupo\.|: por ahora los dos grupos convierten igual\.)/,
  );
  const report = await page.getByTestId('pilot-report').innerText();
  expect(report).toContain('¿Este flujo hizo que más clientes llegaran a «compra»');
  expect(report).toMatch(new RegExp(`Tratamiento\\s+${entered}\\s+${converted}`));
  await screenshot(page, '05-pilot-report');
  // Leave the shared stack quiet for the next story.
  await callApi('POST', `/journeys/${journey.id}/stop`);
});
