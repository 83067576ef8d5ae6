import { createLogger } from '@ruta/platform';
import { type TestDatabase, testDatabase } from '@ruta/platform/testing';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app';
import { seedDemoWorkspace } from '../seed';
import { expectedCounts, insertSyntheticRuns, startedAt } from '../testing/synthetic-runs';

type Json = Record<string, any>;

const RUNS = 100_000;
const PREVIEWS = 1_000;
const API_KEY = 'ruta_test_analytics_scale';

let db: TestDatabase;
let app: ReturnType<typeof createApp>;
let journeyId: string;

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${API_KEY}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

/** Milliseconds of one call: the median of five after a warm-up, and the spread. */
async function timed(path: string) {
  await call('GET', path);
  const times: number[] = [];
  for (let n = 0; n < 5; n++) {
    const t = performance.now();
    await call('GET', path);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return `median ${times[2]?.toFixed(0)} ms (min ${times[0]?.toFixed(0)}, max ${times[4]?.toFixed(0)})`;
}

function expectCounts(body: Json, expected: ReturnType<typeof expectedCounts>) {
  const { treatment, holdout } = expected.groups;
  expect(body.lift.treatment).toMatchObject({
    entered: treatment.entered,
    converted: treatment.converted,
  });
  expect(body.lift.holdout).toMatchObject({
    entered: holdout.entered,
    converted: holdout.converted,
  });
  expect(body.goal.after_run).toBe(treatment.afterRun);
  expect(body.goal.median_seconds_to_convert).toBeCloseTo(expected.medianSeconds ?? 0, 3);
  for (const [nodeId, s] of Object.entries(expected.steps)) {
    expect(body.nodes[nodeId], nodeId).toMatchObject({
      entered: s.entered,
      exited_here: s.exited,
      ports: s.ports,
    });
  }
  let cost = 0;
  for (const [nodeId, m] of Object.entries(expected.messages)) {
    expect(body.messages[nodeId], nodeId).toMatchObject({
      sent: m.sent,
      held_out: m.held_out,
      failed: m.failed,
    });
    expect(body.messages[nodeId].cost).toBeCloseTo(m.cost, 4);
    cost += m.cost;
  }
  expect(body.cost.total).toBeCloseTo(cost, 4);
  expect(body.cost.per_conversion).toBeCloseTo(cost / treatment.converted, 6);
  const series = body.series as Json[];
  const sum = (pick: (d: Json) => number) => series.reduce((n, d) => n + pick(d), 0);
  expect(sum((d) => d.entered.treatment + d.entered.holdout)).toBe(
    treatment.entered + holdout.entered,
  );
  expect(sum((d) => d.conversions.holdout)).toBe(holdout.converted);
}

beforeAll(async () => {
  db = await testDatabase();
  const seed = await seedDemoWorkspace(db.sql, { RUTA_API_KEY: API_KEY });
  app = createApp({
    sql: db.sql,
    // Analytics never talks to Temporal: the runs are written straight into PostgreSQL.
    temporal: {} as Client,
    log: createLogger('test', 'warn'),
    config: {
      taskQueue: 'unused',
      temporalNamespace: 'default',
      temporalUiUrl: undefined,
      publicUrl: 'http://localhost',
    },
  });
  const created = await call('POST', '/api/journeys', {
    name: 'Carrito a escala',
    templateId: 'abandoned_cart',
  });
  journeyId = created.body.id;
  const published = await call('POST', `/api/journeys/${journeyId}/publish`);
  expect(published.status).toBe(201);
  const versionId = published.body.activeVersion.id;
  // Activated in SQL: the activate route also talks to Temporal, which this suite does without.
  await db.sql`
    update journeys set status = 'active',
      activation = ${db.sql.json({ pilot: { enrollmentPercent: 100, holdoutPercent: 10 } })}
    where id = ${journeyId}`;
  const started = performance.now();
  await insertSyntheticRuns(
    db.sql,
    { workspaceId: seed.workspaceId, journeyId, versionId },
    RUNS,
    PREVIEWS,
  );
  console.info(
    `analytics-scale: wrote ${RUNS} runs with steps, messages and events in ${Math.round(performance.now() - started)} ms`,
  );
}, 600_000);
afterAll(() => db?.drop());

describe('analytics at 100,000 runs', () => {
  test('every count is exact over the whole journey; latency is reported, not asserted', async () => {
    const path = `/api/journeys/${journeyId}/analytics`;
    console.info(`analytics-scale: GET analytics over ${RUNS} runs: ${await timed(path)}`);
    const { status, body } = await call('GET', path);
    expect(status).toBe(200);
    const expected = expectedCounts(RUNS);
    expectCounts(body, expected);
    expect(body.lift.treatment.entered + body.lift.holdout.entered).toBe(RUNS);
    // The canvas: the treatment group, the holdout said apart.
    expect(body.nodes.trigger.ports.next).toBe(expected.groups.treatment.entered);
    expect(body.nodes.trigger.holdout_entered).toBe(expected.groups.holdout.entered);
    const [waiting] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from runs where journey_id = ${journeyId} and status = 'active'
        and pilot_group = 'treatment' and current_node = 'wait_cart' and not preview`;
    expect(body.nodes.wait_cart.in_flight).toBe(waiting?.n);
    const tapped = Object.values<Json>(body.edges).find(
      (e) => e.source === 'wait_cart' && e.source_port === 'tapped_buy',
    );
    expect(tapped?.count).toBe(body.nodes.wait_cart.ports.tapped_buy);
    expect(body.series[0].day).toBe('2025-01-01');
  }, 120_000);

  test('a range that starts and ends inside an hour: whole hours from the rollups, the edges raw', async () => {
    const from = '2025-01-10T10:30:00.000Z';
    const to = '2025-01-12T07:15:00.000Z';
    const path = `/api/journeys/${journeyId}/analytics?version=1&from=${from}&to=${to}`;
    console.info(`analytics-scale: with a version and a 2-day range: ${await timed(path)}`);
    const { body } = await call('GET', path);
    const inRange = (i: number) =>
      startedAt(i) >= Date.parse(from) && startedAt(i) < Date.parse(to);
    expectCounts(body, expectedCounts(RUNS, inRange));

    const days = await call(
      'GET',
      `/api/journeys/${journeyId}/analytics?from=2025-01-05&to=2025-01-06&tz=America/Mexico_City`,
    );
    const mexicoDays = (i: number) =>
      startedAt(i) >= Date.parse('2025-01-05T06:00:00Z') &&
      startedAt(i) < Date.parse('2025-01-07T06:00:00Z');
    expectCounts(days.body, expectedCounts(RUNS, mexicoDays));
    expect(days.body.series[0].day).toBe('2025-01-05');
  }, 120_000);

  test("the goal's filters decide which events after the run convert", async () => {
    const goal = (filters: unknown[]) => ({
      event: 'order_placed',
      filters,
      window: { amount: 3, unit: 'days' },
      exitOnGoal: true,
    });
    const path = `/api/journeys/${journeyId}/analytics`;
    const expected = expectedCounts(RUNS);
    const afterRun = expected.groups.treatment.afterRun;
    const withGoal = async (filters: unknown[]) => {
      await db.sql`
        update journeys set activation = activation || ${db.sql.json({ goal: goal(filters) } as never)}
        where id = ${journeyId}`;
      return (await call('GET', path)).body;
    };
    expect(
      (await withGoal([{ source: 'event', field: 'cart_id', op: 'exists' }])).goal.after_run,
    ).toBe(afterRun);
    const none = await withGoal([{ source: 'event', field: 'total', op: 'gt', value: 100 }]);
    expect(none.goal.after_run).toBe(0);
    expect(none.goal.in_run).toBe(
      expected.groups.treatment.converted - expected.groups.treatment.afterRun,
    );
    await db.sql`update journeys set activation = activation - 'goal' where id = ${journeyId}`;
  }, 120_000);

  test('erasing contacts takes their runs out of the rollups', async () => {
    const erased = (i: number) => i <= 2_000 && i % 3 === 0;
    const ids = Array.from({ length: 2_000 }, (_, n) => n + 1).filter(erased);
    await db.sql`delete from contacts where external_id = any(${ids.map((i) => `synthetic-${i}`)})`;
    const { body } = await call('GET', `/api/journeys/${journeyId}/analytics`);
    expectCounts(
      body,
      expectedCounts(RUNS, (i) => !erased(i)),
    );
  }, 120_000);
});
