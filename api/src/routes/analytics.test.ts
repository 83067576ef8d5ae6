import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { computeLift } from '../analytics/lift';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

/**
 * The abandoned-cart template with 8-second waits and no quiet hours, published. A tap must reach
 * its run before the wait times out, with every other suite running on the same two cores.
 */
async function shortCartJourney(name: string) {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name,
    templateId: 'abandoned_cart',
  });
  const draft = created.body.draft;
  for (const node of Object.values<Json>(draft.nodes)) {
    if (node.type === 'wait_for') node.timeout = { amount: 8, unit: 'seconds' };
  }
  delete draft.settings.quietHours;
  const saved = await api.call<Json>('PUT', `/api/journeys/${created.body.id}/draft`, {
    definition: draft,
  });
  expect(saved.body.problems).toEqual([]);
  expect((await api.call('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
  return created.body.id as string;
}

interface Enrolled {
  n: number;
  contactId: string;
  runId: string;
  cart: string;
  group: 'treatment' | 'holdout';
  phone: string;
}

const order = (who: Enrolled, id: string, cart = who.cart) => ({
  id,
  name: 'order_placed',
  contact: { externalId: `an-${who.n}` },
  properties: { cart_id: cart },
});

describe('journey analytics', () => {
  test('analytics counts after a scripted run of 50 contacts with a holdout', async () => {
    const journeyId = await shortCartJourney('Carrito con control');
    const activated = await api.call<Json>('POST', `/api/journeys/${journeyId}/activate`, {
      pilot: { enrollmentPercent: 100, holdoutPercent: 50 },
    });
    expect(activated.status).toBe(200);

    const events = Array.from({ length: 50 }, (_, i) => ({
      id: `an-cart-${i + 1}`,
      name: 'cart_abandoned',
      contact: {
        externalId: `an-${i + 1}`,
        phone: `+52155${String(10_000_000 + i + 1)}`,
        firstName: `Cliente ${i + 1}`,
        consent: { whatsapp: true, sms: true },
      },
      properties: { cart_id: `K-${i + 1}`, cart_total: '$100.00', cart_url: 'https://t.mx/c' },
    }));
    const ingest = await api.call<Json>('POST', '/api/events', { events });
    expect(ingest.status).toBe(202);
    const enrolled: Enrolled[] = ingest.body.results.map((r: Json, i: number) => {
      const enrollment = r.enrollments.find((e: Json) => e.journeyId === journeyId);
      expect(enrollment.status).toBe('started');
      return {
        n: i + 1,
        contactId: r.contactId,
        runId: enrollment.runId,
        cart: `K-${i + 1}`,
        group: enrollment.group,
        phone: events[i]?.contact.phone,
      };
    });
    const rows = await api.sql<{ pilot_group: string; n: number }[]>`
      select pilot_group, count(*)::int as n from runs where journey_id = ${journeyId} group by 1`;
    const treated = enrolled.filter((e) => e.group === 'treatment');
    const held = enrolled.filter((e) => e.group === 'holdout');
    expect(Object.fromEntries(rows.map((r) => [r.pilot_group, r.n]))).toEqual({
      treatment: treated.length,
      holdout: held.length,
    });
    // A 50/50 hash split of 50 contacts: the script below needs 12 and 6.
    expect(treated.length).toBeGreaterThanOrEqual(12);
    expect(held.length).toBeGreaterThanOrEqual(6);

    const tappers = treated.slice(0, 5);
    const buyers = [...treated.slice(5, 9), ...held.slice(0, 3)];
    // The first tapper buys too, after the run: it counts, as do two others per group.
    const lateBuyers = [...treated.slice(0, 1), ...treated.slice(9, 11), ...held.slice(3, 5)];
    const [wrongCart] = held.slice(5, 6) as [Enrolled];

    const waitingAtCart = (who: Enrolled) =>
      api.eventually(async () => {
        const [run] = await api.sql`select current_node from runs where id = ${who.runId}`;
        return run?.current_node === 'wait_cart';
      });
    await Promise.all([...tappers, ...buyers].map(waitingAtCart));
    for (const who of tappers) {
      const tap = await api.call<Json>('POST', '/api/sandbox/inbound', {
        contactId: who.contactId,
        channel: 'whatsapp',
        buttonId: 'buy',
        text: 'Comprar',
      });
      expect(tap.body.routedTo).toBe(1);
    }
    const inRun = await api.call<Json>('POST', '/api/events', {
      events: buyers.map((who) => order(who, `an-order-${who.n}`)),
    });
    expect(inRun.status).toBe(202);

    await api.eventually(async () => {
      const [left] = await api.sql`
        select count(*)::int as n from runs where journey_id = ${journeyId} and status = 'active'`;
      return left?.n === 0;
    }, 60_000);
    // After the runs ended, within the goal window: these still convert (and another cart does not).
    const late = await api.call<Json>('POST', '/api/events', {
      events: [
        ...lateBuyers.map((who) => order(who, `an-late-${who.n}`)),
        order(wrongCart, `an-other-${wrongCart.n}`, 'K-999'),
      ],
    });
    expect(late.status).toBe(202);

    const res = await api.call<Json>('GET', `/api/journeys/${journeyId}/analytics`);
    expect(res.status).toBe(200);
    const body = res.body;

    // Groups: every run counted once, in the group the runs table says.
    expect(body.lift.treatment.entered).toBe(treated.length);
    expect(body.lift.holdout.entered).toBe(held.length);
    // The journey's conversion is its treatment group's; the canvas counts the treatment group
    // and shows the holdout apart.
    expect(body.goal.entered).toBe(treated.length);
    expect(body.runs).toEqual({
      entered: { treatment: treated.length, holdout: held.length },
      removed: { treatment: 0, holdout: 0 },
    });
    expect(body.nodes.trigger.entered).toBe(treated.length);
    expect(body.nodes.trigger.holdout_entered).toBe(held.length);

    // The holdout got nothing on the (sandbox) wire; its sends were recorded as held out.
    const [wire] = await api.sql`
      select count(*)::int as n from sandbox_deliveries where recipient = any(${held.map((h) => h.phone)})`;
    expect(wire?.n).toBe(0);
    expect(body.messages.send_cart.held_out).toBe(held.length);
    expect(body.messages.send_cart.sent).toBe(treated.length);
    expect(body.messages.send_cart.by_channel.whatsapp.sent).toBe(treated.length);
    expect(body.messages.send_cart.replied).toBe(tappers.length);

    // Per node and port: exactly what the treatment runs' steps say.
    const steps = await api.sql<
      { node_id: string; kind: string; port: string | null; n: number }[]
    >`
      select s.node_id, s.kind, case when s.kind = 'ended' then null else s.port end as port,
             count(distinct s.run_id)::int as n
      from run_steps s join runs r on r.id = s.run_id
      where r.journey_id = ${journeyId} and r.pilot_group = 'treatment'
        and s.kind in ('entered', 'visited', 'took', 'ended')
      group by 1, 2, 3`;
    for (const step of steps) {
      const node = body.nodes[step.node_id];
      if (step.kind === 'took') expect(node.ports[step.port ?? '']).toBe(step.n);
      else if (step.kind === 'ended') expect(node.exited_here, step.node_id).toBe(step.n);
      else expect(node.entered, step.node_id).toBe(step.n);
    }
    expect(body.nodes.wait_cart.ports.tapped_buy).toBe(tappers.length);
    expect(body.nodes.exit_clicked_buy.entered).toBe(tappers.length);
    const tappedEdge = body.edges['wait_cart.tapped_buy'] ?? {};
    expect(tappedEdge.count).toBe(tappers.length);
    // The API gives the percentage to one decimal: 31.25 % reads 31.3 (half a tenth away at most).
    const exact = (100 * tappers.length) / body.nodes.wait_cart.entered;
    expect(Math.abs(tappedEdge.percent - exact)).toBeLessThanOrEqual(0.05 + 1e-9);

    // Conversions per group: in the run (goal event reached it) and after it (within the window).
    const treatmentConverted = 4 + 3;
    const holdoutConverted = 3 + 2;
    expect(body.lift.treatment.converted).toBe(treatmentConverted);
    expect(body.lift.holdout.converted).toBe(holdoutConverted);
    expect(body.goal).toMatchObject({
      event: 'order_placed',
      entered: treated.length,
      conversions: treatmentConverted,
      in_run: 4,
      after_run: 3,
      rate: treatmentConverted / treated.length,
    });
    // On the canvas, each conversion in a run shows where the run was when it happened.
    const convertedHere = Object.values<Json>(body.nodes).reduce(
      (n, node) => n + node.converted_here,
      0,
    );
    expect(convertedHere).toBe(body.goal.in_run);
    // The journeys list says the same.
    const listed = (await api.call<Json[]>('GET', '/api/journeys')).body.find(
      (j: Json) => j.id === journeyId,
    );
    expect(listed).toMatchObject({
      entered: 50,
      converted: treatmentConverted,
      conversionRate: treatmentConverted / treated.length,
    });
    const [converted] = await api.sql`
      select count(*)::int as n from runs where journey_id = ${journeyId} and converted_at is not null`;
    expect(converted?.n).toBe(7);

    // Lift: the pure function's numbers for these counts.
    const expected = computeLift(
      { entered: treated.length, converted: treatmentConverted },
      { entered: held.length, converted: holdoutConverted },
    );
    expect(body.lift).toMatchObject({
      absolute: expected.absolute,
      relative: expected.relative,
      method: 'newcombe_wilson',
      significant: expected.significant,
      note: { code: 'too_small' },
    });

    // Cost per conversion = what the sent messages cost / treatment conversions.
    const [{ cost: spent }] = (await api.sql`
      select coalesce(sum(cost), 0)::float8 as cost from messages
      where journey_id = ${journeyId} and sent_at is not null`) as unknown as [{ cost: number }];
    expect(spent).toBeGreaterThan(0);
    expect(body.cost.total).toBeCloseTo(spent, 5);
    // The same cost by channel, WhatsApp category and window: it adds up to the whole.
    const lines = body.cost.breakdown as Json[];
    expect(lines.reduce((n, l) => n + l.cost, 0)).toBeCloseTo(spent, 5);
    expect(lines.reduce((n, l) => n + l.sent, 0)).toBe(
      Object.values<Json>(body.messages).reduce((n, m) => n + m.sent, 0),
    );
    for (const line of lines.filter((l) => l.channel === 'whatsapp'))
      expect(['marketing', 'utility', 'authentication', 'service']).toContain(line.category);
    expect(body.cost.per_conversion).toBeCloseTo(spent / treatmentConverted, 6);

    // The KPI series adds up to the same totals.
    const sum = (pick: (d: Json) => number) =>
      (body.series as Json[]).reduce((n, d) => n + pick(d), 0);
    expect(sum((d) => d.entered.treatment)).toBe(treated.length);
    expect(sum((d) => d.conversions.treatment)).toBe(treatmentConverted);
    expect(sum((d) => d.conversions.holdout)).toBe(holdoutConverted);

    // Filters: an empty range, the version by number, and what is refused.
    const future = await api.call<Json>(
      'GET',
      `/api/journeys/${journeyId}/analytics?from=2999-01-01&version=1`,
    );
    expect(future.body.goal.entered).toBe(0);
    expect(future.body.version).toMatchObject({ version: 1 });
    expect((await api.call('GET', `/api/journeys/${journeyId}/analytics?version=7`)).status).toBe(
      404,
    );
    const bad = await api.call<Json>(
      'GET',
      `/api/journeys/${journeyId}/analytics?tz=Mars/Olympus&from=2025-13-01`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.path)).toEqual(
      expect.arrayContaining(['query.tz', 'query.from']),
    );
  }, 120_000);
});
