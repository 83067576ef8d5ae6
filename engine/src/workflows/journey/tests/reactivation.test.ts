import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { withShortDurations } from '../../../testing/fixtures';
import {
  type JourneyHarness,
  type MessageRow,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';

let h: JourneyHarness;
beforeAll(async () => {
  h = await startJourneyHarness();
});
afterAll(() => h?.stop());

/** The reactivation template; `timeouts` sets the named waits (seconds), the others last 1 s. */
function reactivation(timeouts: Record<string, number> = {}): JourneyDefinition {
  const template = getJourneyTemplate('reactivation');
  if (!template) throw new Error('reactivation template missing');
  const definition = withShortDurations(template.definition, 1);
  for (const [nodeId, amount] of Object.entries(timeouts)) {
    const node = definition.nodes[nodeId];
    if (node?.type !== 'wait_for') throw new Error(`${nodeId} is not a wait_for`);
    node.timeout = { amount, unit: 'seconds' };
  }
  return definition;
}

const HOUR = 3_600;

async function took(runId: string): Promise<string[]> {
  return (await h.steps(runId))
    .filter((s) => s.kind === 'took')
    .map((s) => `${s.node_id}.${s.port}`);
}

async function messageOf(runId: string, nodeId: string): Promise<MessageRow> {
  const message = (await h.messages(runId)).find((m) => m.node_id === nodeId);
  if (!message) throw new Error(`no message from ${nodeId}`);
  return message;
}

describe.concurrent('reactivation', () => {
  test('silence on WhatsApp and SMS ends with the coupon email, then no_response', async ({
    expect,
  }) => {
    const journey = await h.publish(reactivation(), 'Reactivación');
    const contactId = await h.contact({ firstName: 'Rosa' });
    const run = started(await h.enroll(journey, contactId));
    expect((await h.result(run.workflowId)).outcome).toBe('no_response');

    const messages = await h.messages(run.runId);
    expect(messages.map((m) => `${m.node_id}:${m.channel}:${m.format}:${m.status}`)).toEqual([
      'send_whatsapp:whatsapp:whatsapp_template:sent',
      'send_sms:sms:sms:sent',
      'send_email:email:email:sent',
    ]);
    expect(messages[0]?.content).toMatchObject({
      template: { name: 'te_extranamos', language: 'es_MX', params: ['Rosa'] },
    });
    expect(String(messages[1]?.content.text)).toMatch(/^Hola Rosa, hace tiempo que no te vemos/);
    const email = messages[2]?.content as { subject: string; html: string; text: string };
    expect(email.subject).toBe('Rosa, te guardamos un 15 % de descuento');
    expect(email.html).toContain('<p>Hola Rosa:</p>');
    expect(email.html).toContain('<strong>VUELVE15</strong>');
    expect(email.html).toContain('href="https://tu-tienda.example/?cupon=VUELVE15"');
    expect(email.text).toContain('Hola Rosa: usa el código VUELVE15');
    // Each went to the phone (or inbox) once, through the sandbox.
    for (const message of messages) expect(await h.deliveries(message.id)).toHaveLength(1);

    expect(await took(run.runId)).toEqual([
      'send_whatsapp.sent',
      'wait_whatsapp.timeout',
      'send_sms.sent',
      'wait_sms.timeout',
      'send_email.sent',
      'wait_email.timeout',
    ]);
  });

  test('reading the WhatsApp message takes the read branch (a delivery receipt does not)', async ({
    expect,
  }) => {
    const journey = await h.publish(reactivation({ wait_whatsapp: HOUR }), 'Reactivación');
    const contactId = await h.contact();
    const run = started(await h.enroll(journey, contactId));
    await h.waitingAt(run.runId, 'wait_whatsapp');
    const whatsapp = await messageOf(run.runId, 'send_whatsapp');

    await h.engagement(run.workflowId, { kind: 'delivered', messageId: whatsapp.id });
    // A read receipt for some other message is not this message being read.
    await h.engagement(run.workflowId, {
      kind: 'read',
      messageId: '00000000-0000-4000-8000-000000000000',
    });
    await h.engagement(run.workflowId, { kind: 'read', messageId: whatsapp.id });
    expect((await h.result(run.workflowId)).outcome).toBe('read');

    const steps = await h.steps(run.runId);
    const branch = steps.find((s) => s.kind === 'took' && s.node_id === 'wait_whatsapp');
    expect(branch).toMatchObject({
      port: 'read',
      detail: { signal: 'read', kind: 'read', messageId: whatsapp.id },
    });
    expect((await h.messages(run.runId)).map((m) => m.node_id)).toEqual(['send_whatsapp']);
  });

  test('a reply to the SMS goes to a person and ends as replied', async ({ expect }) => {
    const journey = await h.publish(reactivation({ wait_sms: HOUR }), 'Reactivación');
    const contactId = await h.contact({ firstName: 'Beto' });
    const run = started(await h.enroll(journey, contactId));
    await h.waitingAt(run.runId, 'wait_sms');

    await h.reply(run.workflowId, { channel: 'sms', text: 'Hola, ¿qué hay de nuevo?' });
    expect((await h.result(run.workflowId)).outcome).toBe('replied');

    expect(await took(run.runId)).toEqual([
      'send_whatsapp.sent',
      'wait_whatsapp.timeout',
      'send_sms.sent',
      'wait_sms.replied',
      'handoff_reply.next',
    ]);
    const tasks = await h.sql<{ queue: string; note: string }[]>`
      select queue, note from handoff_tasks where run_id = ${run.runId}`;
    expect(tasks).toEqual([
      { queue: 'atencion', note: 'Beto respondió a la campaña de reactivación.' },
    ]);
    expect((await h.messages(run.runId)).map((m) => m.channel)).toEqual(['whatsapp', 'sms']);
  });

  test('a click in the coupon email ends as clicked', async ({ expect }) => {
    const journey = await h.publish(reactivation({ wait_email: HOUR }), 'Reactivación');
    const contactId = await h.contact();
    const run = started(await h.enroll(journey, contactId));
    await h.waitingAt(run.runId, 'wait_email');
    const email = await messageOf(run.runId, 'send_email');

    await h.engagement(run.workflowId, { kind: 'click', channel: 'email', messageId: email.id });
    expect((await h.result(run.workflowId)).outcome).toBe('clicked');
    const steps = await h.steps(run.runId);
    expect(steps.find((s) => s.kind === 'took' && s.node_id === 'wait_email')).toMatchObject({
      port: 'clicked',
      detail: { kind: 'click', messageId: email.id },
    });
  });

  test('a contact WhatsApp cannot reach gets the SMS at once, without the 48-hour wait', async ({
    expect,
  }) => {
    const journey = await h.publish(reactivation({ wait_sms: HOUR }), 'Reactivación');
    const contactId = await h.contact({ consent: { whatsapp: false } });
    const run = started(await h.enroll(journey, contactId));
    await h.waitingAt(run.runId, 'wait_sms');
    expect((await h.messages(run.runId)).map((m) => m.channel)).toEqual(['sms']);
    const steps = await h.steps(run.runId);
    expect(steps.find((s) => s.kind === 'took' && s.node_id === 'send_whatsapp')).toMatchObject({
      port: 'failed',
      detail: { reasons: ['no_consent'] },
    });
    await h.exit(run.workflowId);
    expect((await h.result(run.workflowId)).outcome).toBe('removed');
  });
});
