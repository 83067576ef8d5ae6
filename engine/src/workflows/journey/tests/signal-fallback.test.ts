import { bucketOf, getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { withShortDurations } from '../../../testing/fixtures';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';
import type { RunState } from '../types';

let h: JourneyHarness;
beforeAll(async () => {
  h = await startJourneyHarness();
});
afterAll(() => h?.stop());

/** The new-lead template with every wait at `seconds`. */
function leadJourney(seconds: number): JourneyDefinition {
  const template = getJourneyTemplate('signal_fallback');
  if (!template) throw new Error('signal_fallback template missing');
  return withShortDurations(template.definition, seconds);
}

const lead = { name: 'lead_created', properties: { source: 'landing' } };
const HOUR = 3_600;

async function took(runId: string): Promise<string[]> {
  return (await h.steps(runId))
    .filter((s) => s.kind === 'took')
    .map((s) => `${s.node_id}.${s.port}`);
}

async function untilState(workflowId: string, check: (state: RunState) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = await h.state(workflowId);
    if (check(state)) return state;
    if (Date.now() > deadline) throw new Error(`state never matched: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.concurrent('new lead follow-up', () => {
  test('a contact who prefers email gets the email, not WhatsApp', async ({ expect }) => {
    const journey = await h.publish(leadJourney(HOUR), 'Nuevos contactos');
    const contactId = await h.contact({
      firstName: 'Sofía',
      attributes: { preferred_channel: 'email' },
    });
    const run = started(await h.enroll(journey, contactId, { event: lead }));
    await h.waitingAt(run.runId, 'wait_email');
    const messages = await h.messages(run.runId);
    expect(messages.map((m) => `${m.node_id}:${m.channel}`)).toEqual(['send_email:email']);
    expect(messages[0]?.content).toMatchObject({ subject: 'Gracias por tu interés, Sofía' });

    await h.engagement(run.workflowId, {
      kind: 'open',
      channel: 'email',
      messageId: messages[0]?.id,
    });
    expect((await h.result(run.workflowId)).outcome).toBe('opened');
    const steps = await h.steps(run.runId);
    expect(steps.find((s) => s.kind === 'took' && s.node_id === 'branch_channel')).toMatchObject({
      port: 'prefers_email',
      detail: { case: 0, label: 'Prefiere email' },
    });
  });

  test('a contact without a phone gets the email too', async ({ expect }) => {
    const journey = await h.publish(leadJourney(HOUR), 'Nuevos contactos');
    const contactId = await h.contact({ phone: null });
    const run = started(await h.enroll(journey, contactId, { event: lead }));
    await h.waitingAt(run.runId, 'wait_email');
    expect(await took(run.runId)).toEqual(['branch_channel.no_phone', 'send_email.sent']);
    await h.exit(run.workflowId);
    await h.ended(run.runId);
  });

  test('the A/B split uses both greetings, records the variant and is stable per run', async ({
    expect,
  }) => {
    const journey = await h.publish(leadJourney(HOUR), 'Nuevos contactos');
    const contacts = await Promise.all(Array.from({ length: 20 }, () => h.contact()));
    const runs = await Promise.all(
      contacts.map(async (contactId) =>
        started(await h.enroll(journey, contactId, { event: lead })),
      ),
    );
    await Promise.all(runs.map((run) => h.waitingAt(run.runId, 'wait_reply')));

    const seen = new Set<string>();
    for (const run of runs) {
      const steps = await h.steps(run.runId);
      const split = steps.find((s) => s.kind === 'took' && s.node_id === 'split_ab');
      const bucket = bucketOf(`${run.runId}:split_ab:1`);
      const port = bucket < 50 ? 'a' : 'b';
      // The variant is a function of the run (not of chance at replay time), and it is recorded.
      expect(split).toMatchObject({ port, detail: { bucket, variant: port.toUpperCase() } });
      const [message] = await h.messages(run.runId);
      expect(message?.node_id).toBe(`send_${port}`);
      expect(message?.content).toMatchObject({
        template: { name: port === 'a' ? 'bienvenida_directa' : 'bienvenida_pregunta' },
      });
      seen.add(port);
    }
    expect([...seen].sort()).toEqual(['a', 'b']);
    await Promise.all(runs.map((run) => h.exit(run.workflowId)));
    await Promise.all(runs.map((run) => h.ended(run.runId)));
  });

  test('never replying: exactly two reminders, then the loop bound ends the run', async ({
    expect,
  }) => {
    const journey = await h.publish(leadJourney(1), 'Nuevos contactos');
    const contactId = await h.contact();
    const run = started(await h.enroll(journey, contactId, { event: lead }));
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'loop_limit' });

    const messages = await h.messages(run.runId);
    expect(messages.map((m) => m.node_id).slice(1)).toEqual(['send_reminder', 'send_reminder']);
    expect(messages.slice(1).map((m) => m.idempotency_key)).toEqual([
      `${run.workflowId}:send_reminder:1`,
      `${run.workflowId}:send_reminder:2`,
    ]);
    const steps = await h.steps(run.runId);
    const refused = steps.filter((s) => s.detail.refused === 'loop_limit');
    expect(refused).toEqual([
      expect.objectContaining({
        node_id: 'send_reminder',
        kind: 'visited',
        detail: { visit: 3, refused: 'loop_limit' },
      }),
    ]);
    expect(
      steps.filter((s) => s.kind === 'took' && s.node_id === 'wait_reply').map((s) => s.port),
    ).toEqual(['timeout', 'timeout', 'timeout']);
    expect(await h.run(run.runId)).toMatchObject({ status: 'completed', outcome: 'loop_limit' });
  });

  test('a reply after the first reminder goes to sales with the contact’s details', async ({
    expect,
  }) => {
    const journey = await h.publish(leadJourney(3), 'Nuevos contactos');
    const contactId = await h.contact({
      firstName: 'Iván',
      phone: '+5215512345678',
      email: 'ivan@example.com',
    });
    const run = started(await h.enroll(journey, contactId, { event: lead }));
    await untilState(run.workflowId, (s) => s.visits.wait_reply === 2);
    await h.reply(run.workflowId, { text: 'Sí, llámenme por favor' });
    expect((await h.result(run.workflowId)).outcome).toBe('handed_off');

    const path = await took(run.runId);
    expect(path.slice(3)).toEqual([
      'wait_reply.timeout',
      'wait_day.next',
      'send_reminder.sent',
      'wait_reply.replied',
      'branch_reply.else',
      'handoff_lead.next',
    ]);
    expect(path.filter((p) => p === 'send_reminder.sent')).toHaveLength(1);
    const [task] = await h.sql<{ queue: string; note: string }[]>`
      select queue, note from handoff_tasks where run_id = ${run.runId}`;
    expect(task).toEqual({
      queue: 'ventas',
      note: 'Nuevo contacto interesado: Iván (+5215512345678 ivan@example.com).',
    });
  });
});
