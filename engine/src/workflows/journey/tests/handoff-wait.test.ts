import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { withShortDurations } from '../../../testing/fixtures';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';
import { handoffClosedSignal } from '../signals';

let h: JourneyHarness;
let waiting: JourneyDefinition;
const cart = (id: string) => ({
  name: 'cart_abandoned',
  properties: { cart_id: id, cart_total: '$980.00', item_count: 2, cart_url: `https://t.mx/${id}` },
});

/** The cart template whose «Pasar a ventas» waits for the agent; each result ends the run by name. */
function waitingForAgent(): JourneyDefinition {
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('abandoned_cart template missing');
  const definition = withShortDurations(template.definition, 3);
  const handoff = definition.nodes.handoff_help;
  if (handoff?.type !== 'handoff') throw new Error('no handoff_help');
  handoff.waitForAgent = true;
  handoff.timeout = { amount: 5, unit: 'minutes' };
  handoff.exitPorts = ['sold', 'solved', 'no_sale', 'timeout'];
  definition.edges = definition.edges.filter((e) => e.source !== 'handoff_help');
  return definition;
}

beforeAll(async () => {
  h = await startJourneyHarness();
  waiting = waitingForAgent();
});
afterAll(() => h?.stop());

async function handedOff(cartId: string) {
  const journey = await h.publish(waiting);
  const contactId = await h.contact({ firstName: 'Lía' });
  const run = started(await h.enroll(journey, contactId, { event: cart(cartId) }));
  await h.waitingAt(run.runId, 'wait_cart');
  await h.reply(run.workflowId, { buttonId: 'help', text: 'Tengo dudas' });
  await h.waitingAt(run.runId, 'handoff_help');
  const [task] = await h.sql<{ id: string; waits: boolean; channel: string; context: any }[]>`
    select id, waits, channel, context from handoff_tasks where run_id = ${run.runId}`;
  if (!task) throw new Error('no hand-off');
  return { run, contactId, task };
}

describe.concurrent('a hand-off that waits for the agent', () => {
  test('the run pauses until the agent closes it, then goes on by the result', async ({
    expect,
  }) => {
    const { run, task } = await handedOff('c-sold');
    expect(task).toMatchObject({
      waits: true,
      channel: 'whatsapp',
      context: {
        event: { name: 'cart_abandoned', properties: { cart_id: 'c-sold', cart_total: '$980.00' } },
        lastInbound: { channel: 'whatsapp', buttonId: 'help', text: 'Tengo dudas' },
      },
    });
    const state = (await h.run(run.runId)).waiting_for;
    expect(state).toMatchObject({ kind: 'agent', nodeId: 'handoff_help' });
    await h.client.workflow
      .getHandle(run.workflowId)
      .signal(handoffClosedSignal, { handoffId: task.id, result: 'sold', runId: run.runId });
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'sold' });
    const took = (await h.steps(run.runId)).filter((s) => s.kind === 'took');
    expect(took.at(-1)).toMatchObject({ node_id: 'handoff_help', port: 'sold' });
  });

  test("another hand-off's close, or another run's, does not move it; a purchase still ends it", async ({
    expect,
  }) => {
    const { run, task, contactId } = await handedOff('c-goal');
    const handle = h.client.workflow.getHandle(run.workflowId);
    await handle.signal(handoffClosedSignal, { handoffId: 'someone-else', result: 'sold' });
    await handle.signal(handoffClosedSignal, {
      handoffId: task.id,
      result: 'sold',
      runId: '00000000-0000-4000-8000-000000000000',
    });
    await new Promise((r) => setTimeout(r, 500));
    expect((await h.run(run.runId)).status).toBe('active');
    await h.event(run.workflowId, contactId, 'order_placed', { cart_id: 'c-goal' });
    expect(await h.result(run.workflowId)).toMatchObject({ outcome: 'converted' });
  });

  test('while a person handles the conversation, no journey writes on that channel', async ({
    expect,
  }) => {
    const { contactId, task } = await handedOff('c-quiet');
    // In the queue, nobody has it yet: journeys still write on WhatsApp.
    const journey0 = getJourneyTemplate('abandoned_cart')?.definition;
    if (!journey0) throw new Error('abandoned_cart template missing');
    const plainJourney = await h.publish(withShortDurations(journey0, 3));
    const before = started(await h.enroll(plainJourney, contactId, { event: cart('c-before') }));
    await h.waitingAt(before.runId, 'wait_cart');
    expect((await h.messages(before.runId))[0]).toMatchObject({ channel: 'whatsapp' });
    // An agent takes it: another cart of the same customer falls back to SMS instead.
    await h.sql`update handoff_tasks set status = 'assigned' where id = ${task.id}`;
    const journey = plainJourney;
    const other = started(await h.enroll(journey, contactId, { event: cart('c-other') }));
    await h.waitingAt(other.runId, 'wait_cart');
    const [sent] = await h.messages(other.runId);
    expect(sent).toMatchObject({ channel: 'sms', node_id: 'send_cart' });
    const steps = await h.steps(other.runId);
    expect(JSON.stringify(steps)).toContain('agent_conversation');
    // Closed: WhatsApp is the journey's again.
    await h.sql`update handoff_tasks set status = 'closed', result = 'solved' where contact_id = ${contactId}`;
    const third = started(await h.enroll(journey, contactId, { event: cart('c-third') }));
    await h.waitingAt(third.runId, 'wait_cart');
    expect((await h.messages(third.runId))[0]).toMatchObject({ channel: 'whatsapp' });
  });
});
