import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, test } from 'vitest';
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

describe.concurrent('abandoned cart', () => {
  test('tapping «Comprar» sends the buy link and ends as clicked_buy', async ({ expect }) => {
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

  test('no reply until the timeout → SMS reminder → no order → no_response', async ({ expect }) => {
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

  test('the goal arriving mid-wait ends the run as converted at once', async ({ expect }) => {
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

  test('tapping «Tengo dudas» opens a task for the sales team and ends as handed_off', async ({
    expect,
  }) => {
    const journey = await h.publish(waitingLong());
    const contactId = await h.contact({ firstName: 'Lucía' });
    const run = started(await h.enroll(journey, contactId, { event: cart('c-help') }));
    await h.waitingAt(run.runId, 'wait_cart');
    await h.reply(run.workflowId, { buttonId: 'help', text: 'Tengo dudas' });
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'handed_off' });

    const tasks = await h.sql<
      { queue: string; note: string; status: string; contact_id: string }[]
    >`
      select queue, note, status, contact_id from handoff_tasks where run_id = ${run.runId}`;
    expect(tasks).toEqual([
      {
        queue: 'ventas',
        note: 'Tiene dudas sobre su carrito de $1,299.00: https://tienda.mx/c/c-help',
        status: 'open',
        contact_id: contactId,
      },
    ]);
    expect(await took(run.runId)).toEqual([
      'send_cart.sent',
      'wait_cart.tapped_help',
      'handoff_help.next',
    ]);
    // Only the cart message went out: the person takes it from here.
    expect((await h.messages(run.runId)).map((m) => m.node_id)).toEqual(['send_cart']);
  });

  test('a free-text «quiero darme de baja» withdraws WhatsApp consent and ends as opted_out', async ({
    expect,
  }) => {
    const journey = await h.publish(waitingLong());
    const contactId = await h.contact();
    const run = started(await h.enroll(journey, contactId, { event: cart('c-optout') }));
    await h.waitingAt(run.runId, 'wait_cart');
    await h.reply(run.workflowId, { text: 'Quiero darme de baja, gracias' });
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'opted_out' });

    expect(await took(run.runId)).toEqual([
      'send_cart.sent',
      'wait_cart.replied',
      'branch_intent.opt_out',
      'update_opt_out.next',
    ]);
    const [contact] = await h.sql<
      { consent: Record<string, { granted: boolean; source: string }> }[]
    >`
      select consent from contacts where id = ${contactId}`;
    expect(contact?.consent.whatsapp).toMatchObject({ granted: false, source: 'journey' });
    expect(contact?.consent.sms).toMatchObject({ granted: true });
    expect(await h.sql`select 1 from handoff_tasks where run_id = ${run.runId}`).toHaveLength(0);
  });

  test('any other free-text reply («tengo una pregunta») goes to a person', async ({ expect }) => {
    const journey = await h.publish(waitingLong());
    const contactId = await h.contact();
    const run = started(await h.enroll(journey, contactId, { event: cart('c-question') }));
    await h.waitingAt(run.runId, 'wait_cart');
    await h.reply(run.workflowId, { text: 'tengo una pregunta' });
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'handed_off' });

    const steps = await h.steps(run.runId);
    const branch = steps.find((s) => s.kind === 'took' && s.node_id === 'branch_intent');
    expect(branch).toMatchObject({ port: 'else', detail: { reason: 'no case held' } });
    const [task] = await h.sql<{ queue: string }[]>`
      select queue from handoff_tasks where run_id = ${run.runId}`;
    expect(task?.queue).toBe('ventas');
    const [contact] = await h.sql<{ consent: Record<string, { granted: boolean }> }[]>`
      select consent from contacts where id = ${contactId}`;
    expect(contact?.consent.whatsapp?.granted).toBe(true);
  });

  test('another cart’s order is ignored; this cart’s order converts at once', async ({
    expect,
  }) => {
    const journey = await h.publish(waitingLong());
    const contactId = await h.contact();
    const run = started(await h.enroll(journey, contactId, { event: cart('c-mine') }));
    await h.waitingAt(run.runId, 'wait_cart');

    await h.event(run.workflowId, contactId, 'order_placed', { cart_id: 'c-other' });
    // Signals are handled in order: once this cart's order converts the run, the first one has
    // been seen and ignored.
    await h.event(run.workflowId, contactId, 'order_placed', { cart_id: 'c-mine' });
    const result = await h.result(run.workflowId);
    expect(result.outcome).toBe('converted');
    expect(result.convertedAt).toBeDefined();

    const ended = await h.ended(run.runId);
    expect(ended).toMatchObject({ status: 'completed', outcome: 'converted' });
    expect(ended.converted_at).toBeInstanceOf(Date);
    const steps = await h.steps(run.runId);
    const events = steps.filter((s) => s.kind === 'signal' && s.detail.kind === 'event');
    expect(events.map((s) => (s.detail.properties as { cart_id: string }).cart_id)).toEqual([
      'c-other',
      'c-mine',
    ]);
    const goals = steps.filter((s) => s.kind === 'goal');
    expect(goals).toHaveLength(1);
    expect(goals[0]?.detail.eventId).toBe(events[1]?.detail.eventId);
  });

  test('no reply → SMS reminder → this cart is bought → converted', async ({ expect }) => {
    const journey = await h.publish(withTimeouts(template(), { wait_cart: 1, wait_order: 3_600 }));
    const contactId = await h.contact({ firstName: 'Marta' });
    const run = started(await h.enroll(journey, contactId, { event: cart('c-late') }));
    await h.waitingAt(run.runId, 'wait_order');
    const messages = await h.messages(run.runId);
    expect(messages.map((m) => `${m.node_id}:${m.channel}:${m.status}`)).toEqual([
      'send_cart:whatsapp:sent',
      'send_reminder:sms:sent',
    ]);
    expect(String(messages[1]?.content.text)).toBe(
      'Marta, tu carrito ($1,299.00) sigue guardado: https://tienda.mx/c/c-late Responde BAJA para no recibir más mensajes.',
    );

    await h.event(run.workflowId, contactId, 'order_placed', { cart_id: 'c-late' });
    expect((await h.result(run.workflowId)).outcome).toBe('converted');
    const ended = await h.ended(run.runId);
    expect(ended.converted_at).toBeInstanceOf(Date);
    expect(await took(run.runId)).toEqual([
      'send_cart.sent',
      'wait_cart.timeout',
      'send_reminder.sent',
    ]);
  });
});

function template(): JourneyDefinition {
  const found = getJourneyTemplate('abandoned_cart');
  if (!found) throw new Error('abandoned_cart template missing');
  return withShortDurations(found.definition, 3);
}

/** The template with each named wait_for's timeout set, in seconds. */
function withTimeouts(def: JourneyDefinition, seconds: Record<string, number>): JourneyDefinition {
  for (const [nodeId, amount] of Object.entries(seconds)) {
    const node = def.nodes[nodeId];
    if (node?.type !== 'wait_for') throw new Error(`${nodeId} is not a wait_for`);
    node.timeout = { amount, unit: 'seconds' };
  }
  return def;
}

/** Waits long enough that only the contact (or the test) moves the run on. */
const waitingLong = () => withTimeouts(template(), { wait_cart: 3_600, wait_order: 3_600 });

async function took(runId: string): Promise<string[]> {
  return (await h.steps(runId))
    .filter((s) => s.kind === 'took')
    .map((s) => `${s.node_id}.${s.port}`);
}
