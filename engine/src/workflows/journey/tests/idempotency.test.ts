import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withShortDurations } from '../../../testing/fixtures';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';

/**
 * The worst moment for a send to fail: the provider has accepted the message (the contact's phone
 * rings) and Ruta has not yet recorded it. Temporal retries the activity; the retry finds the same
 * messages row (same idempotency key) marked as a provider call started and never answered, so it
 * looks the message up at the provider (the sandbox keeps deliveries by key) instead of sending it
 * again.
 */
const INJECTED = 'injected: the worker lost the provider receipt';

let h: JourneyHarness;
let definition: JourneyDefinition;
const hookCalls: string[] = [];
let failedFor: string | undefined;

beforeAll(async () => {
  h = await startJourneyHarness({
    activityDeps: {
      afterProviderAccepted: (messageId) => {
        hookCalls.push(messageId);
        if (failedFor === undefined) {
          failedFor = messageId;
          throw new Error(INJECTED);
        }
      },
    },
  });
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('abandoned_cart template missing');
  // Long enough that the tap always lands before wait_cart times out.
  definition = withShortDurations(template.definition, 30);
});
afterAll(() => h?.stop());

describe('a send whose activity fails after the provider accepted it', () => {
  test('is retried and still leaves exactly one message and one delivery', async () => {
    const journey = await h.publish(definition);
    const contactId = await h.contact({ firstName: 'Ana' });
    const run = started(
      await h.enroll(journey, contactId, {
        event: {
          name: 'cart_abandoned',
          properties: { cart_id: 'idem-1', cart_total: '$450.00', item_count: 1, cart_url: 'u' },
        },
      }),
    );
    await h.waitingAt(run.runId, 'wait_cart');

    const [first, ...others] = await h.messages(run.runId);
    expect(others).toEqual([]);
    if (!first) throw new Error('send_cart recorded no message');
    expect(first).toMatchObject({
      node_id: 'send_cart',
      status: 'sent',
      idempotency_key: `${run.workflowId}:send_cart:1`,
    });
    // The hook failed the first attempt for this very message; the retry found it at the
    // provider and recorded it without handing it over again.
    expect(failedFor).toBe(first.id);
    expect(hookCalls).toEqual([first.id]);
    const deliveries = await h.deliveries(first.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ idempotency_key: `${run.workflowId}:send_cart:1` });
    const [recorded] = await h.sql<{ provider_message_id: string; sent_at: Date | null }[]>`
      select provider_message_id, sent_at from messages where id = ${first.id}`;
    expect(recorded?.provider_message_id).toBe(`sbx_${first.id}`);
    expect(recorded?.sent_at).not.toBeNull();

    // Temporal records the retry: the sendMessage activity started on attempt 2, and its last
    // failure is the injected one (failed attempts before the last are not separate events).
    const history = await h.client.workflow.getHandle(run.workflowId).fetchHistory();
    const events = history.events ?? [];
    const scheduled = events.find(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendMessage',
    );
    expect(scheduled).toBeDefined();
    const startedEvent = events.find(
      (e) =>
        e.activityTaskStartedEventAttributes &&
        String(e.activityTaskStartedEventAttributes.scheduledEventId) ===
          String(scheduled?.eventId),
    )?.activityTaskStartedEventAttributes;
    expect(startedEvent?.attempt).toBe(2);
    expect(startedEvent?.lastFailure?.message).toContain(INJECTED);
    expect(
      events.some(
        (e) =>
          e.activityTaskCompletedEventAttributes &&
          String(e.activityTaskCompletedEventAttributes.scheduledEventId) ===
            String(scheduled?.eventId),
      ),
    ).toBe(true);

    // The run goes on normally: the tap sends the buy link once (the hook no longer fails).
    await h.reply(run.workflowId, { buttonId: 'buy', text: 'Comprar' });
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'clicked_buy' });
    const messages = await h.messages(run.runId);
    expect(messages.map((m) => `${m.node_id}:${m.status}`)).toEqual([
      'send_cart:sent',
      'send_buy_link:sent',
    ]);
    for (const message of messages) expect(await h.deliveries(message.id)).toHaveLength(1);
    expect(hookCalls).toEqual([first.id, messages[1]?.id]);
    // The timeline shows one message step per send, not one per attempt.
    const messageSteps = (await h.steps(run.runId)).filter((s) => s.kind === 'message');
    expect(messageSteps.map((s) => s.node_id)).toEqual(['send_cart', 'send_buy_link']);
  });
});

describe('a re-entry that reuses the workflow id', () => {
  test('the same cart abandoned again gets its own message and handoff, not the first run’s', async () => {
    // Re-entry maps to Temporal's id reuse: the second run of a cart has the first one's workflow
    // id, so `workflowId:nodeId:visit` alone would find the first run's rows and send nothing.
    const journey = await h.publish(definition);
    const contactId = await h.contact({ firstName: 'Ana' });
    const event = {
      name: 'cart_abandoned',
      properties: { cart_id: 'again-1', cart_total: '$99.00', item_count: 1, cart_url: 'u' },
    };
    const runs = [];
    for (let round = 1; round <= 2; round++) {
      const run = started(await h.enroll(journey, contactId, { event }));
      runs.push(run);
      await h.waitingAt(run.runId, 'wait_cart');
      await h.reply(run.workflowId, { buttonId: 'help', text: 'Tengo dudas' });
      expect(await h.result(run.workflowId)).toEqual({ outcome: 'handed_off' });
      await h.ended(run.runId);
    }
    const [first, second] = runs;
    expect(second?.workflowId).toBe(first?.workflowId);

    for (const run of runs) {
      const messages = await h.messages(run.runId);
      expect(messages.map((m) => `${m.node_id}:${m.status}`)).toEqual(['send_cart:sent']);
      expect(await h.deliveries(messages[0]?.id ?? '')).toHaveLength(1);
      // The timeline's message is this run's own row.
      const step = (await h.steps(run.runId)).find((s) => s.kind === 'message');
      expect(step?.detail.messageId).toBe(messages[0]?.id);
      const tasks = await h.sql`select id from handoff_tasks where run_id = ${run.runId}`;
      expect(tasks).toHaveLength(1);
    }
    // The first run keeps the documented key; the second run's is told apart by its run id.
    const keys = await h.sql<{ idempotency_key: string }[]>`
      select idempotency_key from messages where contact_id = ${contactId} order by created_at`;
    expect(keys.map((k) => k.idempotency_key)).toEqual([
      `${first?.workflowId}:send_cart:1`,
      `${first?.workflowId}:send_cart:1@${second?.runId}`,
    ]);
  });
});
