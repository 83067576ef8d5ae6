import type { Channel } from '@ruta/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ChannelProvider,
  type ProviderRegistry,
  RetryableProviderError,
} from '../../../channels/provider';
import { sandboxOnlyRegistry } from '../../../channels/registry';
import { defineJourney, type NodeInput } from '../../../testing/definitions';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';

/**
 * DESIGN §8: a late `failed` status or silence takes the send's next channel; an opt-out during
 * the journey is final; a reply to the watched message counts even if it came before the wait
 * began; the outbox's repeats and another run's signals are ignored.
 */
let h: JourneyHarness;
/** Runs once before the next WhatsApp send reaches the provider (then is cleared). */
let beforeNextWhatsApp: (() => Promise<void>) | undefined;
/** Runs after the provider accepted a message, before Ruta records it. */
let afterAccepted: ((messageId: string) => Promise<void>) | undefined;

function interceptingRegistry(inner: ProviderRegistry): ProviderRegistry {
  return {
    async providerFor(workspaceId, channel, options) {
      const provider = await inner.providerFor(workspaceId, channel, options);
      const wrapped: ChannelProvider = {
        ...provider,
        name: provider.name,
        async send(message) {
          const hook = channel === 'whatsapp' ? beforeNextWhatsApp : undefined;
          if (hook) {
            beforeNextWhatsApp = undefined;
            await hook();
            throw new RetryableProviderError('injected: Meta answered 503', 'refused');
          }
          return provider.send(message);
        },
      };
      return wrapped;
    },
  };
}

beforeAll(async () => {
  h = await startJourneyHarness({
    activityDeps: {
      afterProviderAccepted: async (messageId) => {
        const hook = afterAccepted;
        afterAccepted = undefined;
        await hook?.(messageId);
      },
    },
    providers: (sql) => interceptingRegistry(sandboxOnlyRegistry(sql)),
  });
});
afterAll(() => h?.stop());

const whatsapp = {
  whatsapp: { text: 'Hola {{ contact.first_name }}, ¿te ayudamos con tu pedido?' },
  sms: { text: 'Hola {{ contact.first_name }}, ¿te ayudamos con tu pedido?' },
};

/** send (WhatsApp free text — the contacts wrote recently —, SMS fallback) → wait for a reply to it (10 min) → exits. */
function askThenWait(send: Partial<NodeInput> = {}) {
  return defineJourney({
    nodes: {
      ask: {
        type: 'send',
        channel: 'whatsapp',
        fallbackChannels: ['sms' as Channel],
        content: whatsapp,
        ...send,
      } as NodeInput,
      wait: {
        type: 'wait_for',
        messageNodeId: 'ask',
        signals: [{ kind: 'reply', port: 'replied' }],
        timeout: { amount: 10, unit: 'minutes' },
        exitPorts: ['replied', 'timeout'],
      } as NodeInput,
    },
    links: [
      ['trigger', 'next', 'ask'],
      ['ask', 'sent', 'wait'],
      ['ask', 'failed', 'wait'],
    ],
  });
}

async function messages(runId: string) {
  return (await h.messages(runId)).map((m) => `${m.node_id}:${m.channel}`);
}

async function until<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('fallback after the send', () => {
  test('a failed status reported later sends on the next channel; the wait watches that attempt', async () => {
    const journey = await h.publish(askThenWait());
    const contactId = await h.contact({ firstName: 'Ana', lastInboundWhatsApp: new Date() });
    const run = started(await h.enroll(journey, contactId));
    await h.waitingAt(run.runId, 'wait');
    const [first] = await h.messages(run.runId);
    await h.engagement(run.workflowId, {
      kind: 'failed',
      messageId: first?.id,
      deliveryId: 'd-1',
    });
    await until(async () => (await messages(run.runId)).length === 2);
    expect(await messages(run.runId)).toEqual(['ask:whatsapp', 'ask:sms']);
    // The message row is written before the step that records it: wait for the step too.
    const smsStep = await until(async () =>
      (await h.steps(run.runId)).find((s) => s.kind === 'message' && s.detail.channel === 'sms'),
    );
    expect(smsStep.detail).toMatchObject({
      channel: 'sms',
      retryOf: 'whatsapp',
      why: 'delivery_failed',
    });
    const sms = (await h.messages(run.runId))[1];
    await h.engagement(run.workflowId, {
      kind: 'reply',
      channel: 'sms',
      messageId: sms?.id,
      text: 'sí',
    });
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'replied' });
  });

  test('a failed status that says the customer opted out does not fall back', async () => {
    const journey = await h.publish(askThenWait());
    const contactId = await h.contact({ firstName: 'Bea', lastInboundWhatsApp: new Date() });
    const run = started(await h.enroll(journey, contactId));
    await h.waitingAt(run.runId, 'wait');
    const [first] = await h.messages(run.runId);
    await h.engagement(run.workflowId, {
      kind: 'failed',
      messageId: first?.id,
      reason: 'opted_out',
    });
    await new Promise((r) => setTimeout(r, 1_500));
    await h.exit(run.workflowId);
    await h.ended(run.runId);
    const signals = (await h.steps(run.runId)).filter((s) => s.kind === 'signal');
    expect(signals.map((s) => s.detail.kind)).toEqual(['failed', 'exit']);
    expect(await messages(run.runId)).toEqual(['ask:whatsapp']);
  });

  test('not delivered within the node’s time: the next channel goes; delivered in time: nothing more', async () => {
    const journey = await h.publish(
      askThenWait({ fallbackAfter: { amount: 2, unit: 'seconds' } } as Partial<NodeInput>),
    );
    const silent = started(
      await h.enroll(
        journey,
        await h.contact({ firstName: 'Caro', lastInboundWhatsApp: new Date() }),
      ),
    );
    const heard = started(
      await h.enroll(
        journey,
        await h.contact({ firstName: 'Dani', lastInboundWhatsApp: new Date() }),
      ),
    );
    await h.waitingAt(heard.runId, 'wait');
    const [delivered] = await h.messages(heard.runId);
    await h.engagement(heard.workflowId, { kind: 'delivered', messageId: delivered?.id });
    await until(async () => (await messages(silent.runId)).length === 2, 15_000);
    expect(await messages(silent.runId)).toEqual(['ask:whatsapp', 'ask:sms']);
    const step = await until(async () =>
      (await h.steps(silent.runId)).find((s) => s.kind === 'message' && s.detail.channel === 'sms'),
    );
    expect(step.detail).toMatchObject({ channel: 'sms', why: 'not_delivered' });
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await messages(heard.runId)).toEqual(['ask:whatsapp']);
  });
});

describe('an opt-out during the journey is final', () => {
  test('BAJA while the WhatsApp send is retrying: no SMS goes instead', async () => {
    const journey = await h.publish(askThenWait());
    const contactId = await h.contact({ firstName: 'Elsa', lastInboundWhatsApp: new Date() });
    beforeNextWhatsApp = async () => {
      // The customer answers "BAJA" (the API withdraws consent) while Meta is failing.
      const consent = {
        whatsapp: { granted: false, at: new Date().toISOString(), source: 'reply' },
      };
      await h.sql`update contacts set consent = consent || ${h.sql.json(consent)} where id = ${contactId}`;
    };
    const run = started(await h.enroll(journey, contactId));
    await h.waitingAt(run.runId, 'wait');
    expect(await messages(run.runId)).toEqual(['ask:whatsapp']);
    const [message] = await h.messages(run.runId);
    expect(message?.status).toBe('pending');
    const failed = (await h.steps(run.runId)).find((s) => s.kind === 'message');
    expect(failed?.detail).toMatchObject({
      status: 'failed',
      reasons: [expect.objectContaining({ channel: 'whatsapp', reason: 'opted_out' })],
    });
  });

  test('consent never given for WhatsApp still falls back to SMS', async () => {
    const journey = await h.publish(askThenWait());
    const contactId = await h.contact({
      firstName: 'Fer',
      lastInboundWhatsApp: new Date(),
      consent: { whatsapp: false },
    });
    const run = started(await h.enroll(journey, contactId));
    await h.waitingAt(run.runId, 'wait');
    expect(await messages(run.runId)).toEqual(['ask:sms']);
  });
});

describe('signals the run hears', () => {
  test('a reply to the message that came before the wait began still counts', async () => {
    const journey = await h.publish(askThenWait());
    const contactId = await h.contact({ firstName: 'Gil', lastInboundWhatsApp: new Date() });
    afterAccepted = async (messageId) => {
      // The customer answers while the send is still completing (the provider has the message).
      const [row] = await h.sql<{ workflow_id: string }[]>`
        select r.workflow_id from messages m join runs r on r.id = m.run_id where m.id = ${messageId}`;
      await h.engagement(row?.workflow_id as string, {
        kind: 'reply',
        channel: 'whatsapp',
        messageId,
        text: 'sí, lo quiero',
        routedBy: 'context',
      });
      await new Promise((r) => setTimeout(r, 500));
    };
    const run = started(await h.enroll(journey, contactId));
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'replied' });
  });

  test('a repeated delivery and another run’s signal are ignored', async () => {
    const journey = await h.publish(askThenWait());
    const contactId = await h.contact({ firstName: 'Hugo', lastInboundWhatsApp: new Date() });
    const run = started(await h.enroll(journey, contactId));
    await h.waitingAt(run.runId, 'wait');
    const [message] = await h.messages(run.runId);
    const read = { kind: 'read' as const, messageId: message?.id, deliveryId: 'same' };
    await h.engagement(run.workflowId, read);
    await h.engagement(run.workflowId, read);
    await h.engagement(run.workflowId, {
      kind: 'reply',
      channel: 'whatsapp',
      text: 'no era para ti',
      runId: '00000000-0000-4000-8000-000000000000',
    });
    await h.exit(run.workflowId);
    await h.ended(run.runId);
    const signals = (await h.steps(run.runId)).filter((s) => s.kind === 'signal');
    expect(signals.map((s) => s.detail.kind)).toEqual(['read', 'exit']);
  });
});
