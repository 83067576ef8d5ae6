import { getJourneyTemplate, type JourneyDefinition, type ReentrySettings } from '@ruta/shared';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { enroll } from '../../../enrollment/enroll';
import { defineJourney } from '../../../testing/definitions';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';

let h: JourneyHarness;
beforeAll(async () => {
  h = await startJourneyHarness();
});
afterAll(() => h?.stop());

const cart = (id: string) => ({
  name: 'cart_abandoned',
  properties: { cart_id: id, cart_total: '$499.00', item_count: 1, cart_url: `https://t.mx/${id}` },
});

/** The abandoned-cart template (one run per cart, re-entry 'always'), waiting an hour for the contact. */
function cartJourney(): JourneyDefinition {
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('abandoned_cart template missing');
  const definition = template.definition;
  delete definition.settings.quietHours;
  for (const node of Object.values(definition.nodes)) {
    if (node.type === 'wait_for') node.timeout = { amount: 1, unit: 'hours' };
  }
  return definition;
}

/** One SMS per `signup`, keyed by contact only, with the given re-entry rule. */
function signupJourney(reentry: ReentrySettings): JourneyDefinition {
  return defineJourney({
    trigger: { kind: 'event', event: 'signup' },
    nodes: {
      welcome: {
        type: 'send',
        channel: 'sms',
        content: { sms: { text: 'Bienvenida, {{ contact.first_name }}' } },
        exitPorts: ['sent', 'failed'],
      },
    },
    links: [['trigger', 'next', 'welcome']],
    settings: { reentry },
  });
}

const signup = { name: 'signup', properties: {} };

describe.concurrent('keyed re-entry (one run per cart)', () => {
  test('the same cart abandoned twice stays one run; the repeat is on its timeline', async ({
    expect,
  }) => {
    const journey = await h.publish(cartJourney());
    const contactId = await h.contact();
    const first = started(await h.enroll(journey, contactId, { event: cart('A') }));
    await h.waitingAt(first.runId, 'wait_cart');

    const again = await h.enroll(journey, contactId, { event: cart('A') });
    expect(again).toEqual({
      status: 'already_in_journey',
      runId: first.runId,
      workflowId: first.workflowId,
    });
    const runs = await h.sql`select id from runs where contact_id = ${contactId}`;
    expect(runs).toHaveLength(1);
    // Still the one workflow, still one cart message.
    const description = await h.client.workflow.getHandle(first.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(await h.messages(first.runId)).toHaveLength(1);

    await h.exit(first.workflowId);
    expect((await h.result(first.workflowId)).outcome).toBe('removed');
    const repeats = (await h.steps(first.runId)).filter(
      (s) => s.kind === 'signal' && s.detail.kind === 'enroll_again',
    );
    expect(repeats).toHaveLength(1);
    expect(repeats[0]?.detail).toMatchObject({ ignored: 'already in this journey' });
  });

  test('the same cart abandoned twice at the same moment still makes one run', async ({
    expect,
  }) => {
    const journey = await h.publish(cartJourney());
    const contactId = await h.contact();
    // A warm pool, as in the API: the enrollments really do run side by side.
    await Promise.all([1, 2, 3, 4].map(() => h.sql`select pg_sleep(0.05)`));
    const events = await Promise.all(
      [1, 2, 3, 4].map(() => h.recordEvent(contactId, 'cart_abandoned', cart('twin').properties)),
    );
    const results = await Promise.all(
      events.map((triggerEvent) =>
        enroll(h.target, {
          workspaceId: h.workspaceId,
          journeyId: journey.journeyId,
          journeyName: journey.name,
          versionId: journey.versionId,
          version: journey.version,
          definition: journey.definition,
          contactId,
          triggerEvent,
          group: 'treatment',
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([
      'already_in_journey',
      'already_in_journey',
      'already_in_journey',
      'started',
    ]);
    const winner = results.find((r) => r.status === 'started');
    if (!winner) throw new Error('no enrollment started');
    const first = started(winner);
    await h.waitingAt(first.runId, 'wait_cart');
    const runs = await h.sql<{ id: string; status: string }[]>`
      select id, status from runs where contact_id = ${contactId}`;
    expect(runs).toEqual([{ id: first.runId, status: 'active' }]);
    await h.exit(first.workflowId);
    await h.ended(first.runId);
  });

  test('a second cart runs alongside; its order converts only its own run', async ({ expect }) => {
    const journey = await h.publish(cartJourney());
    const contactId = await h.contact();
    const runA = started(await h.enroll(journey, contactId, { event: cart('A') }));
    const runB = started(await h.enroll(journey, contactId, { event: cart('B') }));
    expect(runB.workflowId).not.toBe(runA.workflowId);
    await Promise.all([h.waitingAt(runA.runId, 'wait_cart'), h.waitingAt(runB.runId, 'wait_cart')]);

    // The API routes a contact's event to every active run of the contact.
    for (const run of [runA, runB]) {
      await h.event(run.workflowId, contactId, 'order_placed', { cart_id: 'B', total: 499 });
    }
    expect((await h.result(runB.workflowId)).outcome).toBe('converted');
    expect((await h.ended(runB.runId)).converted_at).toBeInstanceOf(Date);

    const state = await h.state(runA.workflowId);
    expect(state).toMatchObject({ status: 'active', currentNodeId: 'wait_cart' });
    expect(state.waitingFor).toMatchObject({ kind: 'signals', nodeId: 'wait_cart' });
    expect(state.convertedAt).toBeUndefined();
    expect(await h.run(runA.runId)).toMatchObject({
      status: 'active',
      current_node: 'wait_cart',
      converted_at: null,
    });

    await h.exit(runA.workflowId);
    expect((await h.result(runA.workflowId)).outcome).toBe('removed');
    const steps = await h.steps(runA.runId);
    expect(steps.some((s) => s.kind === 'signal' && s.detail.name === 'order_placed')).toBe(true);
    expect(steps.some((s) => s.kind === 'goal')).toBe(false);
  });
});

describe.concurrent('re-entry rules', () => {
  test("'never': a contact who went through the journey never enters again", async ({ expect }) => {
    const journey = await h.publish(signupJourney({ mode: 'never' }));
    const contactId = await h.contact();
    const first = started(await h.enroll(journey, contactId, { event: signup }));
    expect((await h.result(first.workflowId)).outcome).toBe('sent');
    await h.ended(first.runId);

    expect(await h.enroll(journey, contactId, { event: signup })).toEqual({
      status: 'skipped',
      reason: 'reentry_never',
      workflowId: first.workflowId,
    });
    expect(await h.sql`select 1 from runs where contact_id = ${contactId}`).toHaveLength(1);
    expect(await h.sql`select 1 from messages where contact_id = ${contactId}`).toHaveLength(1);
  });

  test("'after_exit' with a cooldown: too soon after the end is skipped", async ({ expect }) => {
    const journey = await h.publish(
      signupJourney({ mode: 'after_exit', cooldown: { amount: 1, unit: 'hours' } }),
    );
    const contactId = await h.contact();
    const first = started(await h.enroll(journey, contactId, { event: signup }));
    await h.result(first.workflowId);
    await h.ended(first.runId);

    expect(await h.enroll(journey, contactId, { event: signup })).toEqual({
      status: 'skipped',
      reason: 'cooldown',
      workflowId: first.workflowId,
    });
    expect(await h.sql`select 1 from runs where contact_id = ${contactId}`).toHaveLength(1);
  });

  test("'after_exit' with a cooldown that has passed: enters again", async ({ expect }) => {
    const journey = await h.publish(
      signupJourney({ mode: 'after_exit', cooldown: { amount: 1, unit: 'seconds' } }),
    );
    const contactId = await h.contact();
    const first = started(await h.enroll(journey, contactId, { event: signup }));
    await h.result(first.workflowId);
    await h.ended(first.runId);
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const second = await h.enroll(journey, contactId, { event: signup });
    expect(second.status).toBe('started');
    await h.result(started(second).workflowId);
  });

  test("'after_exit' without a cooldown: one run at a time, a new one once it ended", async ({
    expect,
  }) => {
    const definition = defineJourney({
      trigger: { kind: 'event', event: 'signup' },
      nodes: {
        hold: {
          type: 'wait_for',
          signals: [{ port: 'ordered', kind: 'event', event: 'order_placed', scope: 'contact' }],
          timeout: { amount: 1, unit: 'hours' },
          exitPorts: ['ordered', 'timeout'],
        },
      },
      links: [['trigger', 'next', 'hold']],
      settings: { reentry: { mode: 'after_exit' } },
    });
    const journey = await h.publish(definition);
    const contactId = await h.contact();
    const first = started(await h.enroll(journey, contactId, { event: signup }));
    await h.waitingAt(first.runId, 'hold');

    const during = await h.enroll(journey, contactId, { event: signup });
    expect(during).toMatchObject({ status: 'already_in_journey', runId: first.runId });

    await h.event(first.workflowId, contactId, 'order_placed');
    expect((await h.result(first.workflowId)).outcome).toBe('ordered');
    await h.ended(first.runId);

    const after = started(await h.enroll(journey, contactId, { event: signup }));
    expect(after.runId).not.toBe(first.runId);
    expect(after.workflowId).toBe(first.workflowId);
    await h.waitingAt(after.runId, 'hold');
    const runs = await h.sql<{ status: string }[]>`
      select status from runs where contact_id = ${contactId} order by started_at`;
    expect(runs.map((r) => r.status)).toEqual(['completed', 'active']);
    await h.exit(after.workflowId);
    await h.ended(after.runId);
  });

  test("'always' on an unkeyed trigger: every event starts its own run", async ({ expect }) => {
    const definition = defineJourney({
      trigger: { kind: 'event', event: 'signup' },
      nodes: {
        hold: {
          type: 'wait_for',
          signals: [{ port: 'ordered', kind: 'event', event: 'order_placed', scope: 'contact' }],
          timeout: { amount: 1, unit: 'hours' },
          exitPorts: ['ordered', 'timeout'],
        },
      },
      links: [['trigger', 'next', 'hold']],
      settings: { reentry: { mode: 'always' } },
    });
    const journey = await h.publish(definition);
    const contactId = await h.contact();
    const first = started(await h.enroll(journey, contactId, { event: signup }));
    const second = started(await h.enroll(journey, contactId, { event: signup }));
    expect(second.workflowId).not.toBe(first.workflowId);
    await Promise.all([h.waitingAt(first.runId, 'hold'), h.waitingAt(second.runId, 'hold')]);
    await Promise.all([h.exit(first.workflowId), h.exit(second.workflowId)]);
    await Promise.all([h.ended(first.runId), h.ended(second.runId)]);
  });
});
