import type { JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { defineJourney } from '../../../testing/definitions';
import { startHttpRecorder } from '../../../testing/http-recorder';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';

/** A shop's backend on loopback: /ok answers JSON, /fail answers 500; it keeps what it got. */
let server: Awaited<ReturnType<typeof startHttpRecorder>>;
let base: string;
let received: Awaited<ReturnType<typeof startHttpRecorder>>['received'];

/** Allowed to call 127.0.0.1 (as RUTA_OUTBOUND_ALLOW=127.0.0.1 would). */
let allowed: JourneyHarness;
/** The default: no private or loopback targets. */
let guarded: JourneyHarness;

beforeAll(async () => {
  server = await startHttpRecorder({ offer: { discount: 15, code: 'VIP15' } });
  base = server.base;
  received = server.received;
  [allowed, guarded] = await Promise.all([
    startJourneyHarness({ activityDeps: { outbound: { allow: ['127.0.0.1'] } } }),
    startJourneyHarness({ activityDeps: { outbound: { allow: [] } } }),
  ]);
});
afterAll(async () => {
  await Promise.all([allowed?.stop(), guarded?.stop()]);
  await server?.close();
});

/**
 * trigger → webhook; success → branch on the saved response (outcome 'big_discount' or 'else');
 * failure → outcome 'failure'.
 */
function hookJourney(url: string, timeoutMs = 3_000): JourneyDefinition {
  return defineJourney({
    trigger: { kind: 'event', event: 'cart_abandoned' },
    nodes: {
      hook: {
        type: 'webhook',
        method: 'POST',
        url,
        headers: { 'x-contact': '{{ contact.first_name }}' },
        body: '{"cart":"{{ event.cart_id }}","email":"{{ contact.email }}"}',
        timeoutMs,
        saveResponseAs: 'crm',
        exitPorts: ['failure'],
      },
      discount: {
        type: 'branch',
        cases: [
          {
            port: 'big_discount',
            conditions: [{ source: 'contact', field: 'crm.offer.discount', op: 'gte', value: 10 }],
          },
        ],
        exitPorts: ['big_discount', 'else'],
      },
    },
    links: [
      ['trigger', 'next', 'hook'],
      ['hook', 'success', 'discount'],
    ],
  });
}

const cartEvent = (id: string) => ({ name: 'cart_abandoned', properties: { cart_id: id } });

async function runHook(h: JourneyHarness, url: string, cartId: string, timeoutMs?: number) {
  const journey = await h.publish(hookJourney(url, timeoutMs), 'Webhook');
  const contactId = await h.contact({ firstName: 'Nora', email: 'nora@example.com' });
  const run = started(await h.enroll(journey, contactId, { event: cartEvent(cartId) }));
  const result = await h.result(run.workflowId);
  const steps = await h.steps(run.runId);
  return {
    run,
    result,
    call: steps.find((s) => s.kind === 'webhook')?.detail,
    took: steps.find((s) => s.kind === 'took' && s.node_id === 'hook'),
  };
}

describe.concurrent('webhook node', () => {
  test('a 2xx answer takes success, and later steps can use the saved response', async ({
    expect,
  }) => {
    const { run, result, call, took } = await runHook(
      allowed,
      `${base}/ok?cart={{ event.cart_id }}`,
      'w-1',
    );
    expect(result.outcome).toBe('big_discount');
    expect(call).toMatchObject({ status: 200, ok: true });
    expect(took).toMatchObject({ port: 'success', detail: { status: 200 } });

    const request = received.find((r) => r.url === '/ok?cart=w-1');
    expect(request).toBeDefined();
    expect(request?.method).toBe('POST');
    expect(JSON.parse(request?.body ?? '')).toEqual({ cart: 'w-1', email: 'nora@example.com' });
    expect(request?.headers['x-contact']).toBe('Nora');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe(`${run.workflowId}:hook:1`);
  });

  test('the saved response outlives a message sent in between', async ({ expect }) => {
    const definition = hookJourney(`${base}/ok?cart={{ event.cart_id }}`);
    // webhook → send → branch: the send refreshes the contact from the database.
    definition.nodes.notify = {
      type: 'send',
      channel: 'sms',
      fallbackChannels: [],
      content: { sms: { text: 'Tenemos una oferta para ti' } },
      exitPorts: ['failed'],
    };
    definition.edges = definition.edges.map((edge) =>
      edge.id === 'hook.success' ? { ...edge, target: 'notify' } : edge,
    );
    definition.edges.push({
      id: 'notify.sent',
      source: 'notify',
      sourcePort: 'sent',
      target: 'discount',
    });
    const journey = await allowed.publish(definition, 'Webhook');
    const contactId = await allowed.contact();
    const run = started(await allowed.enroll(journey, contactId, { event: cartEvent('w-7') }));
    expect((await allowed.result(run.workflowId)).outcome).toBe('big_discount');
    expect(await allowed.messages(run.runId)).toHaveLength(1);
  });

  test('a 500 answer takes failure', async ({ expect }) => {
    const { result, call, took } = await runHook(
      allowed,
      `${base}/fail?cart={{ event.cart_id }}`,
      'w-2',
    );
    expect(result.outcome).toBe('failure');
    expect(call).toMatchObject({ status: 500, ok: false, error: 'HTTP 500' });
    expect(took).toMatchObject({ port: 'failure', detail: { status: 500 } });
    expect(received.filter((r) => r.url === '/fail?cart=w-2')).toHaveLength(1);
  });

  test('without the allow-list, a loopback address is refused and never called', async ({
    expect,
  }) => {
    const { port } = server;
    const [literal, named] = await Promise.all([
      runHook(guarded, `${base}/ok?cart={{ event.cart_id }}`, 'w-3'),
      runHook(guarded, `http://localhost:${port}/ok?cart={{ event.cart_id }}`, 'w-4'),
    ]);
    for (const { result, call } of [literal, named]) {
      expect(result.outcome).toBe('failure');
      expect(call).toMatchObject({ ok: false });
      expect(String(call?.error)).toMatch(/not a public internet address/);
    }
    expect(
      received.filter((r) => r.url.endsWith('cart=w-3') || r.url.endsWith('cart=w-4')),
    ).toEqual([]);
  });

  test('a redirect is not followed, even to an allowed address', async ({ expect }) => {
    const { result, call } = await runHook(
      allowed,
      `${base}/redirect?cart={{ event.cart_id }}`,
      'w-8',
    );
    expect(result.outcome).toBe('failure');
    expect(String(call?.error)).toMatch(/redirect/);
    expect(received.filter((r) => r.url.includes('from=redirect'))).toEqual([]);
  });

  test("a server that trickles bytes is cut off at the node's timeout on every attempt", async ({
    expect,
  }) => {
    const started = Date.now();
    const { result, took } = await runHook(
      allowed,
      `${base}/trickle?cart={{ event.cart_id }}`,
      'w-9',
      500,
    );
    expect(result.outcome).toBe('failure');
    expect(String(took?.detail?.error)).toMatch(/did not answer within 500 ms/);
    // Three attempts of 0.5 s with 2 s and 4 s between them, never a socket held for minutes.
    expect(received.filter((r) => r.url.endsWith('cart=w-9'))).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test('preview and holdout runs do not call out', async ({ expect }) => {
    const journey = await allowed.publish(hookJourney(`${base}/ok?cart={{ event.cart_id }}`));
    const [preview, holdout] = await Promise.all([
      allowed.contact().then(async (contactId) =>
        started(
          await allowed.enroll(journey, contactId, {
            event: cartEvent('w-5'),
            preview: { timeScale: 60 },
          }),
        ),
      ),
      allowed
        .contact()
        .then(async (contactId) =>
          started(
            await allowed.enroll(journey, contactId, { event: cartEvent('w-6'), group: 'holdout' }),
          ),
        ),
    ]);
    for (const [run, reason] of [
      [preview, 'preview'],
      [holdout, 'holdout'],
    ] as const) {
      await allowed.result(run.workflowId);
      const step = (await allowed.steps(run.runId)).find((s) => s.kind === 'webhook');
      expect(step?.detail).toEqual({ skipped: reason });
    }
    expect(
      received.filter((r) => r.url.endsWith('cart=w-5') || r.url.endsWith('cart=w-6')),
    ).toEqual([]);
  });
});
