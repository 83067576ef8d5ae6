import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { activeTemplateJourney } from '../testing/journeys';

/**
 * DESIGN §8.1: a reply goes to the run that waits for it — by the message it answers when the
 * channel says so, else to the run whose newest message on that channel is newest; an opt-out is
 * contact-wide; with no journey waiting it stays on the contact.
 */
let api: ApiHarness;
let journeyId: string;
beforeAll(async () => {
  api = await startApiHarness();
  journeyId = await activeTemplateJourney(api, {
    name: 'Carrito (routing)',
    templateId: 'abandoned_cart',
    waitFor: { amount: 10, unit: 'minutes' },
  });
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

/**
 * One customer with the given carts abandoned, each run waiting at wait_cart. Each cart is
 * abandoned once the one before waits, so their messages go out in the order given (two runs
 * started together may send in either order on a busy worker).
 */
async function customerWithCarts(customer: string, carts: string[]) {
  const runs: Record<string, string> = {};
  let contactId = '';
  for (const cart of carts) {
    const res = await api.call<Json>('POST', '/api/events', {
      id: `${customer}-${cart}`,
      name: 'cart_abandoned',
      contact: {
        externalId: customer,
        phone: `+52155${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        firstName: 'Lucía',
        consent: { whatsapp: true, sms: true },
      },
      properties: {
        cart_id: cart,
        cart_total: '$100.00',
        item_count: 1,
        cart_url: `https://t.mx/${cart}`,
      },
    });
    expect(res.status).toBe(202);
    const [result] = res.body.results;
    contactId = result.contactId;
    runs[cart] = result.enrollments[0].runId;
    await waitingAt(runs[cart] as string, 'wait_cart');
  }
  return { contactId, runs };
}

async function waitingAt(runId: string, nodeId: string) {
  return api.eventually(async () => {
    const run = (await api.call<Json>('GET', `/api/runs/${runId}`)).body;
    return run.waitingFor?.nodeId === nodeId ? run : undefined;
  });
}

async function ended(runId: string) {
  return api.eventually(async () => {
    const run = (await api.call<Json>('GET', `/api/runs/${runId}`)).body;
    return run.status !== 'active' ? run : undefined;
  });
}

async function cartMessage(runId: string): Promise<string> {
  const run = (await api.call<Json>('GET', `/api/runs/${runId}`)).body;
  const message = run.messages.find((m: Json) => m.node_id === 'send_cart');
  expect(message).toBeDefined();
  return message.id;
}

describe('a reply reaches the run that waits for it', () => {
  test('two carts: «Comprar» on cart A’s message takes cart A’s buy branch only', async () => {
    const { contactId, runs } = await customerWithCarts('two-carts', ['A', 'B']);
    const messageA = await cartMessage(runs.A as string);
    const tap = await api.call<Json>('POST', '/api/sandbox/inbound', {
      contactId,
      channel: 'whatsapp',
      buttonId: 'buy',
      text: 'Comprar',
      replyTo: messageA,
    });
    expect(tap.status).toBe(202);
    expect(tap.body).toMatchObject({ routedBy: 'context', runIds: [runs.A], messageId: messageA });

    const runA = await ended(runs.A as string);
    expect(runA.outcome).toBe('clicked_buy');
    expect(runA.steps).toContainEqual(
      expect.objectContaining({
        kind: 'signal',
        detail: expect.objectContaining({ routedBy: 'context', messageId: messageA }),
      }),
    );
    // Cart B heard nothing and still waits; only one buy link went out.
    const runB = await waitingAt(runs.B as string, 'wait_cart');
    expect(runB.steps.filter((s: Json) => s.kind === 'signal')).toEqual([]);
    const conversation = (await api.call<Json>('GET', `/api/sandbox/conversations/${contactId}`))
      .body;
    const buyLinks = conversation.items.filter(
      (i: Json) => i.direction === 'outbound' && i.node_id === 'send_buy_link',
    );
    expect(buyLinks).toHaveLength(1);
    expect(buyLinks[0].run_id).toBe(runs.A);
  });

  test('free text without context goes to the run whose newest message is newest', async () => {
    const { contactId, runs } = await customerWithCarts('free-text', ['A', 'B']);
    const reply = await api.call<Json>('POST', '/api/sandbox/inbound', {
      contactId,
      channel: 'whatsapp',
      text: 'tengo una pregunta sobre el envío',
    });
    expect(reply.body).toMatchObject({ routedBy: 'latest_message', runIds: [runs.B] });
    expect((await ended(runs.B as string)).outcome).toBe('handed_off');
    await waitingAt(runs.A as string, 'wait_cart');
  });

  test('BAJA is contact-wide: every run hears it and consent is withdrawn first', async () => {
    const { contactId, runs } = await customerWithCarts('opt-out', ['A', 'B']);
    const optOut = await api.call<Json>('POST', '/api/sandbox/inbound', {
      contactId,
      channel: 'whatsapp',
      text: 'BAJA',
    });
    expect(optOut.body).toMatchObject({ routedBy: 'opt_out', optedOut: true });
    expect([...optOut.body.runIds].sort()).toEqual([runs.A, runs.B].sort());
    for (const runId of Object.values(runs)) expect((await ended(runId)).outcome).toBe('opted_out');
    const [contact] = await api.sql<{ consent: Json }[]>`
      select consent from contacts where id = ${contactId}`;
    expect(contact?.consent.whatsapp).toMatchObject({ granted: false });
  });

  test('with no journey waiting the reply stays on the contact, and says so', async () => {
    const created = await api.call<Json>('POST', '/api/contacts', {
      externalId: 'nobody-waits',
      phone: '+5215500001234',
    });
    expect(created.status).toBe(201);
    const contactId = created.body.id;
    const reply = await api.call<Json>('POST', '/api/sandbox/inbound', {
      contactId,
      channel: 'sms',
      text: 'hola',
    });
    expect(reply.body).toMatchObject({ routedTo: 0, routedBy: 'none', note: 'none_waiting' });
    const conversation = (await api.call<Json>('GET', `/api/sandbox/conversations/${contactId}`))
      .body;
    expect(conversation.items).toEqual([
      expect.objectContaining({
        direction: 'inbound',
        text: 'hola',
        routed_by: 'none',
        run_id: null,
      }),
    ]);
  });

  test('a reply to a message of a run that already ended reaches no other run', async () => {
    const { contactId, runs } = await customerWithCarts('ended-run', ['A', 'B']);
    const messageA = await cartMessage(runs.A as string);
    await api.call('POST', `/api/runs/${runs.A}/exit`);
    await ended(runs.A as string);
    const tap = await api.call<Json>('POST', '/api/sandbox/inbound', {
      contactId,
      channel: 'whatsapp',
      buttonId: 'buy',
      replyTo: messageA,
    });
    expect(tap.body).toMatchObject({ routedBy: 'context', routedTo: 0, note: 'run_ended' });
    const runB = await waitingAt(runs.B as string, 'wait_cart');
    expect(runB.steps.filter((s: Json) => s.kind === 'signal')).toEqual([]);
  });
});
