import {
  getJourneyTemplate,
  type JourneyDefinition,
  localParts,
  nextTimeOfDay,
  type WaitUntil,
} from '@ruta/shared';
import { afterAll, beforeAll, describe, expect as expectOutside, test } from 'vitest';
import { defineJourney, localTime } from '../../../testing/definitions';
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
const DAY_MS = 24 * HOUR_MS;

const cart = (id: string) => ({
  name: 'cart_abandoned',
  properties: { cart_id: id, cart_total: '$80.00', item_count: 2, cart_url: `https://t.mx/${id}` },
});

/** The abandoned-cart template as published: real 24-hour waits and quiet hours. */
function abandonedCart(): JourneyDefinition {
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('abandoned_cart template missing');
  return template.definition;
}

/** The template without quiet hours (so the first message goes at any hour), waiting a day. */
function cartWaitingADay(): JourneyDefinition {
  const definition = abandonedCart();
  delete definition.settings.quietHours;
  return definition;
}

describe.concurrent('operator control and state', () => {
  test('while waiting, the state query says where the run is and what it waits for', async ({
    expect,
  }) => {
    const journey = await h.publish(cartWaitingADay());
    const contactId = await h.contact();
    const before = Date.now();
    const run = started(await h.enroll(journey, contactId, { event: cart('s-1') }));
    await h.waitingAt(run.runId, 'wait_cart');

    const state = await h.state(run.workflowId);
    expect(state).toMatchObject({
      runId: run.runId,
      status: 'active',
      currentNodeId: 'wait_cart',
      visits: { send_cart: 1, wait_cart: 1 },
      group: 'treatment',
      preview: false,
      waitingFor: {
        kind: 'signals',
        nodeId: 'wait_cart',
        ports: ['tapped_buy', 'tapped_help', 'replied', 'ordered'],
      },
    });
    const until = new Date(state.waitingFor?.until ?? 0).getTime();
    expect(until).toBeGreaterThan(before + DAY_MS - 1_000);
    expect(until).toBeLessThan(Date.now() + DAY_MS + 1_000);
    // The runs row (what the runs list shows) agrees.
    expect((await h.run(run.runId)).waiting_for).toEqual(state.waitingFor);
    await h.exit(run.workflowId);
    await h.ended(run.runId);
  });

  test('the state query answers from the very start of a run', async ({ expect }) => {
    const journey = await h.publish(cartWaitingADay());
    const runs = await Promise.all(
      ['q-1', 'q-2', 'q-3', 'q-4', 'q-5'].map(async (id) => {
        const contactId = await h.contact();
        const run = started(await h.enroll(journey, contactId, { event: cart(id) }));
        // Straight away: the run may still be loading its contact (under load that round trip
        // is long enough for a query to land before the run's own handlers are installed).
        return { run, state: await h.state(run.workflowId) };
      }),
    );
    for (const { run, state } of runs) {
      expect(state).toMatchObject({ runId: run.runId, status: 'active', group: 'treatment' });
    }
    await Promise.all(runs.map(({ run }) => h.exit(run.workflowId)));
    await Promise.all(runs.map(({ run }) => h.ended(run.runId)));
  });

  test('an operator removing the contact ends a day-long wait at once, as removed', async ({
    expect,
  }) => {
    const journey = await h.publish(cartWaitingADay());
    const contactId = await h.contact();
    const run = started(await h.enroll(journey, contactId, { event: cart('x-1') }));
    await h.waitingAt(run.runId, 'wait_cart');

    const exitedAt = Date.now();
    await h.exit(run.workflowId);
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'removed' });
    expect(Date.now() - exitedAt).toBeLessThan(5_000);
    const ended = await h.ended(run.runId);
    expect(ended).toMatchObject({ status: 'completed', outcome: 'removed', waiting_for: null });
    const steps = await h.steps(run.runId);
    expect(
      steps.find((s) => s.kind === 'signal' && s.detail.kind === 'exit')?.detail,
    ).toMatchObject({ reason: 'test', by: 'operator' });
    expect(steps.at(-1)).toMatchObject({
      kind: 'ended',
      node_id: 'wait_cart',
      detail: { outcome: 'removed' },
    });
    expect(steps.some((s) => s.kind === 'took' && s.node_id === 'wait_cart')).toBe(false);
    expect(await h.messages(run.runId)).toHaveLength(1);
  });

  test('preview runs the real template, 24-hour waits and all, in seconds', async ({ expect }) => {
    const journey = await h.publish(abandonedCart());
    const contactId = await h.contact();
    const startedAt = Date.now();
    const run = started(
      await h.enroll(journey, contactId, {
        event: cart('p-1'),
        preview: { timeScale: 86_400 / 2 }, // a day in 2 s
      }),
    );
    expect(run.workflowId).toContain('preview/');
    expect(await h.result(run.workflowId)).toEqual({ outcome: 'no_response' });
    // Two 24-hour waits (and, at night, quiet hours) took seconds, not days.
    expect(Date.now() - startedAt).toBeLessThan(15_000);

    const row = await h.sql<{ preview: boolean; outcome: string }[]>`
      select preview, outcome from runs where id = ${run.runId}`;
    expect(row).toEqual([{ preview: true, outcome: 'no_response' }]);
    const messages = await h.sql<{ node_id: string; preview: boolean; status: string }[]>`
      select node_id, preview, status from messages where run_id = ${run.runId} order by created_at`;
    expect(messages).toEqual([
      { node_id: 'send_cart', preview: true, status: 'sent' },
      { node_id: 'send_reminder', preview: true, status: 'sent' },
    ]);
    const waits = (await h.steps(run.runId)).filter((s) => s.kind === 'waiting');
    expect(waits.map((s) => s.node_id)).toEqual(['wait_cart', 'wait_order']);
  });
});

describe.concurrent('goal without exit', () => {
  test('the conversion is recorded when it happens and the run carries on', async ({ expect }) => {
    const definition = defineJourney({
      trigger: { kind: 'event', event: 'visit' },
      nodes: {
        pause: {
          type: 'wait',
          until: { kind: 'duration', duration: { amount: 5, unit: 'seconds' } },
        },
        thanks: {
          type: 'send',
          channel: 'sms',
          content: { sms: { text: 'Gracias por tu compra' } },
          exitPorts: ['failed'],
        },
        done: { type: 'exit', outcome: 'done' },
      },
      links: [
        ['trigger', 'next', 'pause'],
        ['pause', 'next', 'thanks'],
        ['thanks', 'sent', 'done'],
      ],
      settings: {
        goal: { event: 'order_placed', window: { amount: 1, unit: 'days' }, exitOnGoal: false },
      },
    });
    const journey = await h.publish(definition);
    const contactId = await h.contact();
    const run = started(
      await h.enroll(journey, contactId, { event: { name: 'visit', properties: {} } }),
    );
    await h.waitingAt(run.runId, 'pause');

    await h.event(run.workflowId, contactId, 'order_placed', { total: 10 });
    // Counted in the runs table right away, not when the wait happens to end.
    const converted = await h.until(run.runId, (r) => r.converted_at !== null, 2_000);
    expect(converted.status).toBe('active');

    const result = await h.result(run.workflowId);
    expect(result.outcome).toBe('done');
    expect(result.convertedAt).toBeDefined();
    const ended = await h.ended(run.runId);
    expect(ended.converted_at?.getTime()).toBe(converted.converted_at?.getTime());
    expect((await h.messages(run.runId)).map((m) => m.node_id)).toEqual(['thanks']);
    expect((await h.steps(run.runId)).filter((s) => s.kind === 'goal')).toHaveLength(1);
  });
});

describe.concurrent('update_contact', () => {
  test('sets attributes (Liquid too), tags and consent, and later steps see them', async ({
    expect,
  }) => {
    const definition = defineJourney({
      trigger: { kind: 'event', event: 'purchase' },
      nodes: {
        update: {
          type: 'update_contact',
          set: { tier: '{{ event.tier }}', vip: true, purchases: 3 },
          unset: ['old_note'],
          addTags: ['cliente', 'vip'],
          removeTags: ['prospecto'],
          consent: [{ channel: 'email', granted: false }],
        },
        is_gold: {
          type: 'branch',
          cases: [
            {
              port: 'gold',
              conditions: [{ source: 'contact', field: 'tier', op: 'eq', value: 'oro' }],
            },
          ],
          exitPorts: ['gold', 'else'],
        },
      },
      links: [
        ['trigger', 'next', 'update'],
        ['update', 'next', 'is_gold'],
      ],
    });
    const journey = await h.publish(definition);
    const contactId = await h.contact({ attributes: { old_note: 'x', city: 'Lima' } });
    await h.sql`update contacts set tags = '{prospecto,newsletter}' where id = ${contactId}`;
    const run = started(
      await h.enroll(journey, contactId, {
        event: { name: 'purchase', properties: { tier: 'oro' } },
      }),
    );
    expect((await h.result(run.workflowId)).outcome).toBe('gold');

    const [contact] = await h.sql<
      {
        attributes: Record<string, unknown>;
        tags: string[];
        consent: Record<string, { granted: boolean }>;
      }[]
    >`select attributes, tags, consent from contacts where id = ${contactId}`;
    expect(contact?.attributes).toEqual({ city: 'Lima', tier: 'oro', vip: true, purchases: 3 });
    expect(contact?.tags).toEqual(['cliente', 'newsletter', 'vip']);
    expect(contact?.consent.email?.granted).toBe(false);
    expect(contact?.consent.sms?.granted).toBe(true);
    const step = (await h.steps(run.runId)).find((s) => s.kind === 'contact_updated');
    // The run starts from the stored version (jsonb keeps keys in its own order).
    expect(((step?.detail.set ?? []) as string[]).toSorted()).toEqual(['purchases', 'tier', 'vip']);
    expect(step?.detail).toMatchObject({ addTags: ['cliente', 'vip'] });
  });
});

describe.concurrent('wait until a moment', () => {
  /** A journey that only waits (its output ends the run as 'next'). */
  function waitJourney(until: WaitUntil): JourneyDefinition {
    return defineJourney({
      nodes: { hold: { type: 'wait', until, exitPorts: ['next'] } },
      links: [['trigger', 'next', 'hold']],
    });
  }

  async function waitingUntil(until: WaitUntil, contact: Parameters<JourneyHarness['contact']>[0]) {
    const journey = await h.publish(waitJourney(until));
    const contactId = await h.contact(contact);
    const run = started(await h.enroll(journey, contactId));
    const row = await h.waitingAt(run.runId, 'hold');
    const state = await h.state(run.workflowId);
    await h.exit(run.workflowId);
    await h.ended(run.runId);
    expectOutside(state.waitingFor).toEqual(row.waiting_for);
    expectOutside(row.waiting_for?.kind).toBe('time');
    return new Date(row.waiting_for?.until ?? 0);
  }

  async function skipped(until: WaitUntil, contact: Parameters<JourneyHarness['contact']>[0]) {
    const journey = await h.publish(waitJourney(until));
    const contactId = await h.contact(contact);
    const run = started(await h.enroll(journey, contactId));
    expectOutside((await h.result(run.workflowId)).outcome).toBe('next');
    return (await h.steps(run.runId)).find((s) => s.kind === 'took')?.detail;
  }

  const zone = 'America/Bogota';
  const hhmm = (date: Date) => {
    const local = localParts(date, zone);
    return `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  };

  test('time_of_day: the next time the contact’s clock shows it', async ({ expect }) => {
    const time = localTime(zone, 180);
    const until = await waitingUntil({ kind: 'time_of_day', time }, { timeZone: zone });
    expect(hhmm(until)).toBe(time);
    expect(until.getTime() - Date.now()).toBeGreaterThan(2 * HOUR_MS);
    expect(until.getTime() - Date.now()).toBeLessThanOrEqual(3 * HOUR_MS);
    expect(until.getTime()).toBe(nextTimeOfDay(new Date(), zone, time).getTime());
  });

  test('time_of_day on given weekdays: waits for that day', async ({ expect }) => {
    const time = localTime(zone, 0);
    const inTwoDays = localParts(new Date(Date.now() + 2 * DAY_MS), zone).weekday;
    const until = await waitingUntil(
      { kind: 'time_of_day', time, weekdays: [inTwoDays] },
      { timeZone: zone },
    );
    expect(hhmm(until)).toBe(time);
    expect(localParts(until, zone).weekday).toBe(inTwoDays);
    expect(until.getTime() - Date.now()).toBeGreaterThan(DAY_MS);
    expect(until.getTime() - Date.now()).toBeLessThanOrEqual(2 * DAY_MS);
  });

  test('date_attribute: the contact’s date plus the offset', async ({ expect }) => {
    const renewal = new Date(Date.now() + 10 * DAY_MS);
    const until = await waitingUntil(
      { kind: 'date_attribute', attribute: 'renewal_at', offset: { amount: -2, unit: 'days' } },
      { attributes: { renewal_at: renewal.toISOString() } },
    );
    expect(until.getTime()).toBe(renewal.getTime() - 2 * DAY_MS);
  });

  test('date_attribute: no date, or a date already passed, does not wait', async ({ expect }) => {
    const until: WaitUntil = {
      kind: 'date_attribute',
      attribute: 'renewal_at',
      offset: { amount: 1, unit: 'hours' },
    };
    const [missing, passed] = await Promise.all([
      skipped(until, {}),
      skipped(until, { attributes: { renewal_at: new Date(Date.now() - DAY_MS).toISOString() } }),
    ]);
    expect(missing).toEqual({ skipped: 'attribute_missing' });
    expect(passed).toEqual({ skipped: 'date_passed' });
  });

  test('whatsapp_window: hours before the 24-hour window closes', async ({ expect }) => {
    const lastInbound = new Date(Date.now() - HOUR_MS);
    const until = await waitingUntil(
      { kind: 'whatsapp_window', hoursBefore: 2 },
      { lastInboundWhatsApp: lastInbound },
    );
    expect(until.getTime()).toBe(lastInbound.getTime() + 22 * HOUR_MS);
    const closed = await skipped({ kind: 'whatsapp_window', hoursBefore: 2 }, {});
    expect(closed).toEqual({ skipped: 'window_closed' });
  });
});
