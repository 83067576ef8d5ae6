import { harness, uniqueName } from '@ruta/platform/testing';
import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enroll } from '../../../enrollment/enroll';
import { withShortDurations } from '../../../testing/fixtures';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';
import { workerProcesses } from '../../../testing/worker-process';

/**
 * The worker is a real child process (`node --import tsx engine/src/worker-main.ts`) on a task
 * queue the harness's in-process worker does not poll. It is SIGKILLed while the run waits; a new
 * process picks the run up from Temporal's history, sends nothing twice, and finishes it.
 */
let h: JourneyHarness;
let definition: JourneyDefinition;
let workers: ReturnType<typeof workerProcesses>;
const taskQueue = uniqueName('durable');

beforeAll(async () => {
  h = await startJourneyHarness();
  workers = workerProcesses({
    databaseUrl: h.db.url,
    temporalAddress: harness().temporalAddress,
    taskQueue,
  });
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('abandoned_cart template missing');
  // wait_cart must outlast the kill and the restart: the tap, not the timeout, moves the run on.
  definition = withShortDurations(template.definition, 600);
});
afterAll(async () => {
  await workers?.stopAll();
  await h?.stop();
});

function withOutput<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    const output = workers.started.map((w) => `--- worker ${w.pid}\n${w.output()}`).join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`);
  });
}

describe('the worker process is killed mid-wait', () => {
  test('a new process continues the run from history, with no duplicate send', async () => {
    const journey = await h.publish(definition);
    const contactId = await h.contact({ firstName: 'Ana' });
    const event = await h.recordEvent(contactId, 'cart_abandoned', {
      cart_id: 'durable-1',
      cart_total: '$820.00',
      item_count: 2,
      cart_url: 'https://tienda.mx/c/durable-1',
    });

    const first = workers.start();
    const run = started(
      await enroll(
        { sql: h.sql, temporal: h.client, taskQueue, workflowIdPrefix: `${taskQueue}/` },
        h.request(journey, contactId, { triggerEvent: event }),
      ),
    );
    await withOutput(h.until(run.runId, (r) => r.waiting_for?.nodeId === 'wait_cart', 45_000));
    const before = await h.messages(run.runId);
    expect(before.map((m) => m.node_id)).toEqual(['send_cart']);

    expect(await first.kill()).toBe('SIGKILL');

    const second = workers.start();
    await h.reply(run.workflowId, { buttonId: 'buy', text: 'Comprar' });
    const ended = await withOutput(h.until(run.runId, (r) => r.status !== 'active', 45_000));
    expect(ended).toMatchObject({ status: 'completed', outcome: 'clicked_buy' });
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'clicked_buy' });

    // Exactly one message per send node, each delivered once, the first one untouched.
    const messages = await h.messages(run.runId);
    expect(messages.map((m) => `${m.node_id}:${m.status}`)).toEqual([
      'send_cart:sent',
      'send_buy_link:sent',
    ]);
    expect(messages[0]?.id).toBe(before[0]?.id);
    for (const message of messages) expect(await h.deliveries(message.id)).toHaveLength(1);
    const [{ count } = { count: -1 }] = await h.sql<{ count: number }[]>`
      select count(*)::int as count from sandbox_deliveries d
      join messages m on m.id = d.message_id where m.run_id = ${run.runId}`;
    expect(count).toBe(2);

    // The timeline is whole: no step lost or written twice across the two processes.
    const steps = await h.steps(run.runId);
    expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.filter((s) => s.kind === 'took').map((s) => `${s.node_id}.${s.port}`)).toEqual([
      'send_cart.sent',
      'wait_cart.tapped_buy',
      'send_buy_link.sent',
    ]);

    // Both processes really worked on this run: workflow tasks before the kill were taken by the
    // first, the ones after it by the second (the worker identity carries the pid).
    const history = await h.client.workflow.getHandle(run.workflowId).fetchHistory();
    const identities = new Set(
      (history.events ?? [])
        .map((e) => e.workflowTaskStartedEventAttributes?.identity)
        .filter((id): id is string => typeof id === 'string'),
    );
    expect([...identities].some((id) => id.endsWith(`:${first.pid}`))).toBe(true);
    expect([...identities].some((id) => id.endsWith(`:${second.pid}`))).toBe(true);
    const sends = (history.events ?? []).filter(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendMessage',
    );
    expect(sends).toHaveLength(2);
  });
});
