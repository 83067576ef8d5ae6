import {
  getJourneyTemplate,
  type JourneyDefinition,
  type JourneySettings,
  localParts,
  nextTimeOfDay,
} from '@ruta/shared';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { localTime, sendOnly } from '../../../testing/definitions';
import { withShortDurations } from '../../../testing/fixtures';
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

const HOUR_MS = 3_600_000;

const whatsappWithSms = {
  whatsapp: {
    template: { name: 'aviso', language: 'es_MX', params: ['{{ contact.first_name }}'] },
    text: 'Hola {{ contact.first_name }}, ¿seguimos?',
  },
  sms: { text: 'Hola {{ contact.first_name }}, te escribimos por SMS.' },
};
const sms = (text: string) => ({ sms: { text } });

/** Publishes a one-send journey and runs it for a contact to its end. */
async function sendTo(
  definition: JourneyDefinition,
  contactId: string,
  opts: Parameters<JourneyHarness['enroll']>[2] = {},
) {
  const journey = await h.publish(definition, 'Reglas de envío');
  const run = started(await h.enroll(journey, contactId, opts));
  const result = await h.result(run.workflowId);
  const steps = await h.steps(run.runId);
  const messages = await h.messages(run.runId);
  const message = steps.find((s) => s.kind === 'message');
  return { run, result, steps, messages, message };
}

const capSettings = (cap: JourneySettings['frequencyCap']): JourneySettings => ({
  reentry: { mode: 'after_exit' },
  frequencyCap: cap,
});

describe.concurrent('holdout', () => {
  test('holdout runs walk the path and convert, but nothing reaches the contact', async ({
    expect,
  }) => {
    const template = getJourneyTemplate('abandoned_cart');
    if (!template) throw new Error('abandoned_cart template missing');
    const definition = withShortDurations(template.definition, 1);
    const waitOrder = definition.nodes.wait_order;
    if (waitOrder?.type !== 'wait_for') throw new Error('wait_order is not a wait_for');
    waitOrder.timeout = { amount: 1, unit: 'hours' };
    const journey = await h.publish(definition);
    const contactId = await h.contact();
    const run = started(
      await h.enroll(journey, contactId, {
        group: 'holdout',
        event: { name: 'cart_abandoned', properties: { cart_id: 'h-1', cart_total: '$10.00' } },
      }),
    );
    await h.waitingAt(run.runId, 'wait_order');

    const messages = await h.messages(run.runId);
    expect(messages.map((m) => `${m.node_id}:${m.channel}:${m.status}`)).toEqual([
      'send_cart:whatsapp:held_out',
      'send_reminder:sms:held_out',
    ]);
    for (const message of messages) {
      expect(Number(message.cost)).toBe(0);
      expect(await h.deliveries(message.id)).toHaveLength(0);
    }
    // What would have been sent is still recorded, rendered.
    expect(messages[0]?.content).toMatchObject({ template: { name: 'carrito_abandonado' } });

    await h.event(run.workflowId, contactId, 'order_placed', { cart_id: 'h-1' });
    expect((await h.result(run.workflowId)).outcome).toBe('converted');
    const ended = await h.ended(run.runId);
    expect(ended).toMatchObject({ pilot_group: 'holdout', outcome: 'converted' });
    expect(ended.converted_at).toBeInstanceOf(Date);
    const deliveries = await h.sql`
      select 1 from sandbox_deliveries d join messages m on m.id = d.message_id
      where m.contact_id = ${contactId}`;
    expect(deliveries).toHaveLength(0);
  });
});

describe.concurrent('consent, address and fallback channels', () => {
  test('no WhatsApp consent: the SMS fallback goes, and the timeline says why', async ({
    expect,
  }) => {
    const contactId = await h.contact({ firstName: 'Eva', consent: { whatsapp: false } });
    const { run, result, messages, message } = await sendTo(
      sendOnly('whatsapp', whatsappWithSms, { fallbackChannels: ['sms'] }),
      contactId,
    );
    expect(result.outcome).toBe('sent');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'sms',
      status: 'sent',
      idempotency_key: `${run.workflowId}:send:1:sms`,
    });
    expect(messages[0]?.content.text).toBe('Hola Eva, te escribimos por SMS.');
    expect(message?.detail).toMatchObject({
      status: 'sent',
      channel: 'sms',
      fallbackFrom: 'whatsapp',
      fallbackReasons: [{ channel: 'whatsapp', reason: 'no_consent' }],
    });
  });

  test('no consent on any channel: the send fails and nothing is recorded as sent', async ({
    expect,
  }) => {
    const contactId = await h.contact({ consent: { whatsapp: false, sms: false } });
    const { result, steps, messages, message } = await sendTo(
      sendOnly('whatsapp', whatsappWithSms, { fallbackChannels: ['sms'] }),
      contactId,
    );
    expect(result.outcome).toBe('failed');
    expect(messages).toHaveLength(0);
    expect(message?.detail).toMatchObject({
      status: 'failed',
      reasons: [
        { channel: 'whatsapp', reason: 'no_consent' },
        { channel: 'sms', reason: 'no_consent' },
      ],
    });
    expect(steps.find((s) => s.kind === 'took')).toMatchObject({
      port: 'failed',
      detail: { reasons: ['no_consent', 'no_consent'] },
    });
  });

  test('no phone number: WhatsApp and SMS fail with no_address', async ({ expect }) => {
    const contactId = await h.contact({ phone: null });
    const { result, messages, message } = await sendTo(
      sendOnly('whatsapp', whatsappWithSms, { fallbackChannels: ['sms'] }),
      contactId,
    );
    expect(result.outcome).toBe('failed');
    expect(messages).toHaveLength(0);
    expect(message?.detail).toMatchObject({
      reasons: [
        { channel: 'whatsapp', reason: 'no_address' },
        { channel: 'sms', reason: 'no_address' },
      ],
    });
  });
});

describe.concurrent('WhatsApp 24-hour window', () => {
  test('wrote 1 h ago: the free-text session message goes, priced as service', async ({
    expect,
  }) => {
    const contactId = await h.contact({
      firstName: 'Gil',
      lastInboundWhatsApp: new Date(Date.now() - HOUR_MS),
    });
    const { result, messages } = await sendTo(sendOnly('whatsapp', whatsappWithSms), contactId);
    expect(result.outcome).toBe('sent');
    expect(messages[0]).toMatchObject({
      channel: 'whatsapp',
      format: 'whatsapp_session',
      in_window: true,
      pricing_category: 'service',
    });
    expect(messages[0]?.content).toMatchObject({ text: 'Hola Gil, ¿seguimos?' });
    expect(Number(messages[0]?.cost)).toBe(0);
  });

  test('wrote 30 h ago: the approved template goes, priced as marketing', async ({ expect }) => {
    const contactId = await h.contact({
      firstName: 'Gil',
      lastInboundWhatsApp: new Date(Date.now() - 30 * HOUR_MS),
    });
    const { messages } = await sendTo(sendOnly('whatsapp', whatsappWithSms), contactId);
    expect(messages[0]).toMatchObject({
      format: 'whatsapp_template',
      in_window: false,
      pricing_category: 'marketing',
    });
    expect(messages[0]?.content).toMatchObject({
      template: { name: 'aviso', params: ['Gil'] },
      preview: 'Hola Gil, ¿seguimos?',
    });
    expect(Number(messages[0]?.cost)).toBeGreaterThan(0);
  });

  test('free text only, window closed: falls over to SMS, or fails when there is none', async ({
    expect,
  }) => {
    const textOnly = {
      whatsapp: { text: 'Hola {{ contact.first_name }}' },
      sms: { text: 'Hola por SMS' },
    };
    const long = new Date(Date.now() - 30 * HOUR_MS);
    const [withFallback, without] = await Promise.all([
      h
        .contact({ lastInboundWhatsApp: long })
        .then((c) => sendTo(sendOnly('whatsapp', textOnly, { fallbackChannels: ['sms'] }), c)),
      h
        .contact({ lastInboundWhatsApp: long })
        .then((c) => sendTo(sendOnly('whatsapp', { whatsapp: textOnly.whatsapp }), c)),
    ]);
    expect(withFallback.result.outcome).toBe('sent');
    expect(withFallback.messages.map((m) => m.channel)).toEqual(['sms']);
    expect(withFallback.message?.detail).toMatchObject({
      fallbackFrom: 'whatsapp',
      fallbackReasons: [{ channel: 'whatsapp', reason: 'window_closed' }],
    });
    expect(without.result.outcome).toBe('failed');
    expect(without.messages).toHaveLength(0);
    expect(without.message?.detail).toMatchObject({
      reasons: [{ channel: 'whatsapp', reason: 'window_closed' }],
    });
  });
});

describe.concurrent('frequency cap', () => {
  /** A contact who was just sent one SMS by another journey. */
  async function recentlyMessaged() {
    const contactId = await h.contact();
    const first = await sendTo(sendOnly('sms', sms('Primer mensaje')), contactId);
    const [row] = await h.sql<{ sent_at: Date }[]>`
      select sent_at from messages where run_id = ${first.run.runId}`;
    if (!row) throw new Error('the first message was not sent');
    return { contactId, sentAt: row.sent_at };
  }

  test("'skip': a contact already messaged this hour is not messaged again", async ({ expect }) => {
    const { contactId } = await recentlyMessaged();
    const second = await sendTo(
      sendOnly(
        'email',
        { email: { subject: 'Otra', html: '<p>Otra</p>' } },
        {
          settings: capSettings({
            max: 1,
            per: { amount: 1, unit: 'hours' },
            channel: 'all',
            whenCapped: 'skip',
          }),
        },
      ),
      contactId,
    );
    expect(second.result.outcome).toBe('failed');
    expect(second.messages).toHaveLength(0);
    expect(second.message?.detail).toMatchObject({
      status: 'failed',
      reasons: [{ reason: 'frequency_cap' }],
    });
  });

  test("'wait': the run waits until the cap frees up, and says so", async ({ expect }) => {
    const { contactId, sentAt } = await recentlyMessaged();
    const journey = await h.publish(
      sendOnly('sms', sms('Segundo'), {
        settings: capSettings({
          max: 1,
          per: { amount: 1, unit: 'hours' },
          channel: 'sms',
          whenCapped: 'wait',
        }),
      }),
    );
    const run = started(await h.enroll(journey, contactId));
    const waiting = await h.until(run.runId, (r) => r.waiting_for?.kind === 'frequency_cap');
    expect(new Date(waiting.waiting_for?.until ?? 0).getTime()).toBe(sentAt.getTime() + HOUR_MS);
    expect(waiting.current_node).toBe('send');
    expect((await h.state(run.workflowId)).waitingFor).toMatchObject({
      kind: 'frequency_cap',
      nodeId: 'send',
    });
    expect(await h.messages(run.runId)).toHaveLength(0);
    await h.exit(run.workflowId);
    expect((await h.result(run.workflowId)).outcome).toBe('removed');
  });

  test("'wait': once the window has passed, the message goes", async ({ expect }) => {
    const { contactId, sentAt } = await recentlyMessaged();
    const { result, steps, messages } = await sendTo(
      sendOnly('sms', sms('Segundo'), {
        settings: capSettings({
          max: 1,
          per: { amount: 2, unit: 'seconds' },
          channel: 'all',
          whenCapped: 'wait',
        }),
      }),
      contactId,
    );
    expect(result.outcome).toBe('sent');
    const deferred = steps.filter((s) => s.kind === 'deferred');
    expect(deferred.length).toBeGreaterThanOrEqual(1);
    expect(deferred[0]?.detail).toMatchObject({ reason: 'frequency_cap', attempt: 1 });
    const [row] = await h.sql<{ sent_at: Date }[]>`
      select sent_at from messages where id = ${messages[0]?.id ?? null}`;
    expect(row?.sent_at.getTime()).toBeGreaterThanOrEqual(sentAt.getTime() + 2_000);
  });
});

describe.concurrent('quiet hours', () => {
  const zone = 'Asia/Kolkata'; // +05:30: far from the server's zone, and not a whole hour

  test('inside quiet hours the run waits for their end in the contact’s zone', async ({
    expect,
  }) => {
    const quietHours = { start: localTime(zone, -60), end: localTime(zone, 120) };
    const contactId = await h.contact({ timeZone: zone });
    const journey = await h.publish(
      sendOnly('sms', sms('Hola'), { settings: { reentry: { mode: 'after_exit' }, quietHours } }),
    );
    const run = started(await h.enroll(journey, contactId));
    const waiting = await h.until(run.runId, (r) => r.waiting_for?.kind === 'quiet_hours');
    const until = new Date(waiting.waiting_for?.until ?? 0);
    expect(until.getTime()).toBe(nextTimeOfDay(new Date(), zone, quietHours.end).getTime());
    const local = localParts(until, zone);
    expect(`${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`).toBe(
      quietHours.end,
    );
    expect(await h.messages(run.runId)).toHaveLength(0);
    await h.exit(run.workflowId);
    expect((await h.result(run.workflowId)).outcome).toBe('removed');
  });

  test('in preview the deferral is compressed and the message goes when the window opens', async ({
    expect,
  }) => {
    // Ends 90 min from now; at 1800× that is 3 s, and a slow start still finds them on.
    const quietHours = { start: localTime(zone, -60), end: localTime(zone, 90) };
    const expectedUntil = nextTimeOfDay(new Date(), zone, quietHours.end);
    const contactId = await h.contact({ timeZone: zone });
    const startedAt = Date.now();
    const { result, steps, messages } = await sendTo(
      sendOnly('sms', sms('Hola'), { settings: { reentry: { mode: 'after_exit' }, quietHours } }),
      contactId,
      { preview: { timeScale: 1_800 } }, // half an hour of journey time per second
    );
    expect(result.outcome).toBe('sent');
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    const kinds = steps.filter((s) => ['deferred', 'message'].includes(s.kind));
    expect(kinds.map((s) => s.kind)).toEqual(['deferred', 'message']);
    expect(kinds[0]?.detail).toMatchObject({ reason: 'quiet_hours' });
    expect(new Date(String(kinds[0]?.detail.until)).getTime()).toBe(expectedUntil.getTime());
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ status: 'sent', preview: true });
  });
});

describe.concurrent('content and identity', () => {
  test('Liquid fills in the contact’s name, attributes and the trigger event', async ({
    expect,
  }) => {
    const contactId = await h.contact({ firstName: 'Ana', attributes: { plan: 'oro' } });
    await h.sql`update contacts set last_name = 'Pérez' where id = ${contactId}`;
    const definition = sendOnly(
      'sms',
      sms(
        '{{ contact.name }} ({{ contact.plan }}): tu pedido {{ event.order_id }} por {{ event.total | money: "MXN" }} va en camino. {{ journey.name }}',
      ),
      { trigger: { kind: 'event', event: 'order_shipped' } },
    );
    const { messages } = await sendTo(definition, contactId, {
      event: { name: 'order_shipped', properties: { order_id: 'A-77', total: 1299.5 } },
    });
    expect(messages[0]?.content.text).toBe(
      'Ana Pérez (oro): tu pedido A-77 por $1,299.50 va en camino. Reglas de envío',
    );
  });

  test('each send is keyed workflowId:nodeId:visit, and the key is unique', async ({ expect }) => {
    const contactId = await h.contact();
    const { run, messages } = await sendTo(sendOnly('sms', sms('Hola')), contactId);
    const key = `${run.workflowId}:send:1`;
    expect(messages.map((m) => m.idempotency_key)).toEqual([key]);
    const deliveries = await h.deliveries(messages[0]?.id ?? '');
    expect(deliveries.map((d) => d.idempotency_key)).toEqual([key]);
    await expect(
      h.sql`
        insert into messages (workspace_id, contact_id, channel, idempotency_key, provider, format, content)
        values (${h.workspaceId}, ${contactId}, 'sms', ${key}, 'sandbox', 'sms', '{}'::jsonb)`,
    ).rejects.toThrow(/unique|duplicate/i);
  });
});
