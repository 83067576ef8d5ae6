import { expect } from 'vitest';
import type { ApiHarness } from './api-harness';
import { activeTemplateJourney } from './journeys';

type Json = Record<string, any>;

/**
 * The abandoned cart whose «Pasar a ventas» waits for the agent: «vendió» ends the run as `sold`,
 * the other results (and the timeout) as handed off.
 */
export function activeHandoffJourney(api: ApiHarness, name: string): Promise<string> {
  return activeTemplateJourney(api, {
    name,
    templateId: 'abandoned_cart',
    waitFor: { amount: 10, unit: 'minutes' },
    edit(draft) {
      Object.assign(draft.nodes.handoff_help, { waitForAgent: true, exitPorts: ['sold'] });
      draft.edges = draft.edges.filter((e: Json) => e.source !== 'handoff_help');
      for (const port of ['solved', 'no_sale', 'timeout'])
        draft.edges.push({
          id: `handoff_help-${port}`,
          source: 'handoff_help',
          sourcePort: port,
          target: 'exit_handed_off',
        });
    },
  });
}

/** A customer abandons a cart and taps «Tengo dudas» on the WhatsApp message; the inbox has it. */
export async function customerAsksForHelp(api: ApiHarness, customer: string) {
  const res = await api.call<Json>('POST', '/api/events', {
    id: `cart-${customer}`,
    name: 'cart_abandoned',
    contact: {
      externalId: customer,
      phone: `+52155${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      firstName: 'Marisol',
      consent: { whatsapp: true, sms: true },
    },
    properties: {
      cart_id: `K-${customer}`,
      cart_total: '$1,450.00',
      item_count: 2,
      cart_url: 'https://t.mx/k',
    },
  });
  const { contactId, enrollments } = res.body.results[0];
  const runId = enrollments[0].runId as string;
  await api.eventually(async () => {
    const [run] = await api.sql<
      { current_node: string }[]
    >`select current_node from runs where id = ${runId}`;
    return run?.current_node === 'wait_cart';
  });
  const tap = await api.call<Json>('POST', '/api/sandbox/inbound', {
    contactId,
    channel: 'whatsapp',
    buttonId: 'help',
    text: 'Tengo dudas',
  });
  expect(tap.status).toBe(202);
  const handoff: Json = await api.eventually(async () => {
    const list = await api.call<Json>('GET', '/api/handoffs');
    return list.body.items.find((h: Json) => h.contact.id === contactId);
  });
  return { contactId, runId, handoff };
}
