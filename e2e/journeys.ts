import { callApi } from './browser';

type Json = Record<string, any>;

/**
 * A journey from a template through the public API, with waits shrunk to `seconds` (a browser
 * test cannot wait a day; the code path is the same) and no quiet hours. Published and activated.
 */
export async function activeJourneyFromTemplate(
  templateId: string,
  name: string,
  options: {
    seconds?: number;
    pilot?: { enrollmentPercent: number; holdoutPercent: number };
    activate?: boolean;
  } = {},
): Promise<{ id: string; draft: Json }> {
  const created = await callApi<Json>('POST', '/journeys', { name, templateId });
  const draft = created.draft;
  for (const node of Object.values<Json>(draft.nodes)) {
    if (node.type === 'wait_for') node.timeout = { amount: options.seconds ?? 20, unit: 'seconds' };
    if (node.type === 'wait' && node.until.kind === 'duration')
      node.until.duration = { amount: options.seconds ?? 20, unit: 'seconds' };
  }
  delete draft.settings.quietHours;
  await callApi('PUT', `/journeys/${created.id}/draft`, {
    definition: draft,
    layout: created.layout,
  });
  await callApi('POST', `/journeys/${created.id}/publish`);
  if (options.activate !== false) {
    await callApi('POST', `/journeys/${created.id}/activate`, {
      pilot: options.pilot ?? { enrollmentPercent: 100, holdoutPercent: 0 },
    });
  }
  return { id: created.id, draft };
}

let counter = 0;

/** A cart_abandoned event for a (new) contact; returns the contact and the run it started. */
export async function abandonCart(
  journeyId: string,
  contact: { firstName: string; phone: string },
  cartId = `C-${Date.now()}-${++counter}`,
) {
  const result = await callApi<Json>('POST', '/events', {
    id: `e2e-${cartId}`,
    name: 'cart_abandoned',
    contact: {
      externalId: `e2e-${contact.phone}`,
      phone: contact.phone,
      firstName: contact.firstName,
      consent: { whatsapp: true, sms: true, email: true },
    },
    properties: {
      cart_id: cartId,
      cart_total: '$1,299.00',
      item_count: 3,
      cart_url: `https://tienda.mx/carrito/${cartId}`,
    },
  });
  const entry = result.results[0];
  const enrollment = entry.enrollments.find((e: Json) => e.journeyId === journeyId);
  return {
    contactId: entry.contactId as string,
    runId: enrollment?.runId as string | undefined,
    group: enrollment?.group as string | undefined,
    cartId,
  };
}
