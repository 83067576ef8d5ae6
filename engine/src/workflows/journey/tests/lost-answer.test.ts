import { randomUUID } from 'node:crypto';
import { createSecretBox, generateSecretsKey } from '@ruta/platform';
import { harness, uniqueName } from '@ruta/platform/testing';
import type { Channel, JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeGraphApi } from '../../../channels/testing/fake-graph-api';
import { startFakeTwilioApi } from '../../../channels/testing/fake-twilio-api';
import { enroll } from '../../../enrollment/enroll';
import { defineJourney, type NodeInput } from '../../../testing/definitions';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';
import { type WorkerProcess, workerProcesses } from '../../../testing/worker-process';

/**
 * DESIGN §8.4: the provider takes the message and the worker is SIGKILLed before Ruta records it
 * (the answer never comes back). The retried send does not send it again: Twilio is asked (its
 * Messages list has it), WhatsApp's Cloud API cannot be asked, so the outcome is recorded as
 * unknown and the run goes on. The worker is a real child process on its own task queue.
 */
const GRAPH_TOKEN = 'EAAJB-lost-answer-token';
const ACCOUNT = `AC${'5e'.repeat(16)}`;
const TWILIO_TOKEN = 'twilio-auth-token-lost-answer';
const secretsKey = generateSecretsKey();
const box = createSecretBox(secretsKey);
const taskQueue = uniqueName('lost-answer');

let h: JourneyHarness;
let graph: Awaited<ReturnType<typeof startFakeGraphApi>>;
let twilio: Awaited<ReturnType<typeof startFakeTwilioApi>>;
let workers: ReturnType<typeof workerProcesses>;

async function addChannel(
  provider: 'whatsapp' | 'twilio',
  config: Record<string, string>,
  secrets: Record<string, string>,
  carries: Channel[],
) {
  const id = randomUUID();
  const sealed = box.encrypt(secrets, { workspaceId: h.workspaceId, channelId: id });
  await h.sql`
    insert into channels (id, workspace_id, provider, name, config, secrets, secret_fields, carries)
    values (${id}, ${h.workspaceId}, ${provider}, ${provider}, ${h.sql.json(config)}, ${sealed},
            ${Object.keys(secrets)}, ${carries})`;
}

/** One send on `channel` whose outputs both lead to a ten-minute wait for a reply. */
function sendThenWait(channel: Channel): JourneyDefinition {
  return defineJourney({
    nodes: {
      ask: {
        type: 'send',
        channel,
        content:
          channel === 'whatsapp'
            ? { whatsapp: { text: 'Hola {{ contact.first_name }}, ¿seguimos con tu pedido?' } }
            : { sms: { text: 'Hola {{ contact.first_name }}, ¿seguimos con tu pedido?' } },
      } as NodeInput,
      wait: {
        type: 'wait_for',
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

beforeAll(async () => {
  h = await startJourneyHarness();
  graph = await startFakeGraphApi({ accessToken: GRAPH_TOKEN });
  twilio = await startFakeTwilioApi({ accountSid: ACCOUNT, authToken: TWILIO_TOKEN });
  await addChannel(
    'whatsapp',
    { phoneNumberId: '106540352242922' },
    { accessToken: GRAPH_TOKEN, appSecret: 'app-secret-123', verifyToken: 'verify-token-123' },
    ['whatsapp'],
  );
  await addChannel(
    'twilio',
    { accountSid: ACCOUNT, from: '+5215587654321' },
    { authToken: TWILIO_TOKEN },
    ['sms'],
  );
  workers = workerProcesses({
    databaseUrl: h.db.url,
    temporalAddress: harness().temporalAddress,
    taskQueue,
    extra: {
      RUTA_SECRETS_KEY: secretsKey,
      RUTA_WHATSAPP_API_URL: graph.baseUrl,
      RUTA_TWILIO_API_URL: twilio.baseUrl,
      RUTA_OUTBOUND_ALLOW: '127.0.0.1',
      RUTA_PUBLIC_URL: 'https://ruta.example.mx',
    },
  });
});
afterAll(async () => {
  await workers?.stopAll();
  await graph?.close();
  await twilio?.close();
  await h?.stop();
});

async function until<T>(fn: () => Promise<T | undefined | false> | T | undefined | false) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) {
      const output = workers.started.map((w) => `--- worker ${w.pid}\n${w.output()}`).join('\n');
      throw new Error(`condition not met in time\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the run on the worker process, kills that process once the provider has the message. */
async function sendAndKill(channel: Channel, provider: { requests: { method: string }[] }) {
  const journey = await h.publish(sendThenWait(channel));
  const contactId = await h.contact({ firstName: 'Rosa', lastInboundWhatsApp: new Date() });
  const first: WorkerProcess = workers.start();
  const run = started(await enroll({ ...h.target, taskQueue }, h.request(journey, contactId)));
  await until(() => provider.requests.some((r) => r.method === 'POST'));
  await first.kill();
  workers.start();
  await until(async () => (await h.run(run.runId)).waiting_for?.nodeId === 'wait');
  return run;
}

describe('the provider took the message, then the worker died', () => {
  test('WhatsApp cannot be asked: recorded as unknown, not sent again, and the run goes on', async () => {
    graph.replyNext('accept-then-hang');
    const run = await sendAndKill('whatsapp', graph);
    const posts = graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    expect(posts).toHaveLength(1);
    const [message] = await h.messages(run.runId);
    expect(message).toMatchObject({ status: 'unknown', channel: 'whatsapp' });
    await h.exit(run.workflowId);
    await h.ended(run.runId);
    const step = (await h.steps(run.runId)).find((s) => s.kind === 'message');
    expect(step?.detail).toMatchObject({ status: 'unknown', channel: 'whatsapp' });
    expect((await h.steps(run.runId)).find((s) => s.kind === 'took')?.port).toBe('sent');
  });

  test('Twilio is asked: its Messages list has the message, recorded as sent, not sent again', async () => {
    twilio.replyNext('accept-then-hang');
    const run = await sendAndKill('sms', twilio);
    expect(twilio.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(twilio.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
    const [message] = await h.messages(run.runId);
    expect(message).toMatchObject({ status: 'sent', channel: 'sms' });
    const [row] = await h.sql<{ provider_message_id: string }[]>`
      select provider_message_id from messages where id = ${message?.id as string}`;
    expect(row?.provider_message_id).toMatch(/^SM0+1$/);
  });
});
