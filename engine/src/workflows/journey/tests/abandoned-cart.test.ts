import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withShortDurations } from '../../../testing/fixtures';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';

let h: JourneyHarness;
let definition: JourneyDefinition;
const cart = (id: string) => ({
  name: 'cart_abandoned',
  properties: {
    cart_id: id,
    cart_total: '$1,299.00',
    item_count: 3,
    cart_url: `https://tienda.mx/c/${id}`,
  },
});

beforeAll(async () => {
  h = await startJourneyHarness();
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('abandoned_cart template missing');
  definition = withShortDurations(template.definition, 3);
});
afterAll(() => h?.stop());

describe('abandoned cart', () => {
  test('tapping «Comprar» sends the buy link and ends as clicked_buy', async () => {
    const journey = await h.publish(definition);
    const contactId = await h.contact({ firstName: 'Ana' });
    const run = started(await h.enroll(journey, contactId, { event: cart('c-1') }));
    await h.waitingAt(run.runId, 'wait_cart');
    const [first] = await h.messages(run.runId);
    expect(first).toMatchObject({
      node_id: 'send_cart',
      channel: 'whatsapp',
      format: 'whatsapp_template',
      status: 'sent',
    });
    expect(first?.content).toMatchObject({
      template: { name: 'carrito_abandonado', params: ['Ana', '$1,299.00'] },
    });

    await h.reply(run.workflowId, { buttonId: 'buy', text: 'Comprar' });
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'clicked_buy' });
    const ended = await h.ended(run.runId);
    expect(ended).toMatchObject({ status: 'completed', outcome: 'clicked_buy' });
    const messages = await h.messages(run.runId);
    expect(messages.map((m) => m.node_id)).toEqual(['send_cart', 'send_buy_link']);
    // The tap opened the 24-hour window: the link goes as session text.
    expect(messages[1]).toMatchObject({ format: 'whatsapp_session', in_window: true });
    expect(String(messages[1]?.content.text)).toContain('https://tienda.mx/c/c-1');
    const took = (await h.steps(run.runId))
      .filter((s) => s.kind === 'took')
      .map((s) => `${s.node_id}.${s.port}`);
    expect(took).toEqual(['send_cart.sent', 'wait_cart.tapped_buy', 'send_buy_link.sent']);
  });

  test('no reply until the timeout → SMS reminder → no order → no_response', async () => {
    const journey = await h.publish(definition);
    const contactId = await h.contact();
    const run = started(await h.enroll(journey, contactId, { event: cart('c-2') }));
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'no_response' });
    const messages = await h.messages(run.runId);
    expect(messages.map((m) => `${m.node_id}:${m.channel}`)).toEqual([
      'send_cart:whatsapp',
      'send_reminder:sms',
    ]);
  });

  test('the goal arriving mid-wait ends the run as converted at once', async () => {
    const slow = structuredClone(definition);
    const waitCart = slow.nodes.wait_cart;
    if (waitCart?.type !== 'wait_for') throw new Error('wait_cart is not a wait_for');
    waitCart.timeout = { amount: 1, unit: 'hours' };
    const journey = await h.publish(slow);
    const contactId = await h.contact();
    const run = started(await h.enroll(journey, contactId, { event: cart('c-3') }));
    await h.waitingAt(run.runId, 'wait_cart');
    const sentAt = Date.now();
    await h.event(run.workflowId, contactId, 'order_placed', { cart_id: 'c-3', total: 1299 });
    const result = await h.result(run.workflowId);
    expect(result.outcome).toBe('converted');
    expect(Date.now() - sentAt).toBeLessThan(30_000); // not the hour-long timeout
    const ended = await h.ended(run.runId);
    expect(ended.converted_at).not.toBeNull();
  });
});
