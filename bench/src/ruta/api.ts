import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { API_KEY } from '../infra';

type Json = Record<string, unknown>;

/** Ruta's public HTTP API as an integration calls it (API key). */
export function apiClient(baseUrl: string) {
  async function call<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${API_KEY}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return { call, baseUrl };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Several API processes behind one client, each call to the next in turn (a load balancer's round robin). */
export function roundRobin(clients: ApiClient[]): ApiClient {
  const [first] = clients;
  if (!first) throw new Error('no API to balance');
  let next = 0;
  function call<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
    const client = clients[next % clients.length] as ApiClient;
    next += 1;
    return client.call<T>(method, path, body);
  }
  return { call, baseUrl: first.baseUrl };
}

/**
 * The abandoned-cart template as a marketer would activate it, triggered by `event`, with its
 * waits set to `seconds` and no quiet hours (a benchmark cannot depend on the hour it runs at).
 */
export function cartDefinition(event: string, seconds: number): JourneyDefinition {
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('no abandoned_cart template');
  const definition = structuredClone(template.definition);
  if (definition.trigger.kind === 'event') definition.trigger.event = event;
  for (const node of Object.values(definition.nodes)) {
    if (node.type === 'wait_for') node.timeout = { amount: seconds, unit: 'seconds' };
  }
  delete definition.settings.quietHours;
  return definition;
}

/** Creates, publishes and activates a journey (100% enrolled, no holdout); returns its id. */
export async function activeJourney(
  api: ApiClient,
  name: string,
  definition: JourneyDefinition,
): Promise<string> {
  const created = await api.call<{ id: string; layout?: unknown }>('POST', '/journeys', {
    name,
    templateId: 'abandoned_cart',
  });
  await api.call('PUT', `/journeys/${created.id}/draft`, { definition });
  await api.call('POST', `/journeys/${created.id}/publish`);
  await api.call('POST', `/journeys/${created.id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
  });
  return created.id;
}

let contacts = 0;

/** A cart_abandoned-style event for a new contact (consent on WhatsApp and SMS). */
export function cartEvent(event: string, tag: string, consent = true) {
  contacts += 1;
  const n = contacts;
  const cartId = `${tag}-cart-${n}`;
  return {
    cartId,
    body: {
      id: `${tag}-evt-${n}`,
      name: event,
      contact: {
        externalId: `${tag}-contact-${n}`,
        phone: `+52155${String(10_000_000 + (n % 89_999_999)).slice(-8)}`,
        firstName: 'Lucía',
        consent: { whatsapp: consent, sms: consent },
      },
      properties: {
        cart_id: cartId,
        cart_total: '$899.00',
        item_count: 2,
        cart_url: `https://tienda.mx/c/${cartId}`,
      },
    },
  };
}
