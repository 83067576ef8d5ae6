import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { activeTemplateJourney } from '../testing/journeys';

/**
 * An A/B split's numbers (issue «Inspect and prove», item 3): each variant's conversion among the
 * treatment runs that took it, as the runs and steps tables say, and no winner while the
 * difference may be chance.
 */
let api: ApiHarness;
let journeyId: string;
type Json = Record<string, any>;

beforeAll(async () => {
  api = await startApiHarness();
  journeyId = await activeTemplateJourney(api, {
    name: 'Prospectos (A/B)',
    templateId: 'signal_fallback',
    waitFor: { amount: 10, unit: 'minutes' },
  });
});
afterAll(() => api?.stop());

test('per variant: who took it and who converted, from the tables; no winner on 8 runs', async () => {
  const leads: { externalId: string; runId: string }[] = [];
  for (let i = 1; i <= 8; i++) {
    const externalId = `lead-ab-${i}`;
    const res = await api.call<Json>('POST', '/api/events', {
      id: `lead-ab-${i}`,
      name: 'lead_created',
      contact: {
        externalId,
        phone: `+5255333300${String(i).padStart(2, '0')}`,
        firstName: `Prospecto ${i}`,
        consent: { whatsapp: true, sms: true },
      },
    });
    expect(res.status).toBe(202);
    leads.push({ externalId, runId: res.body.results[0].enrollments[0].runId });
  }
  // Every run has chosen its variant.
  await api.eventually(async () => {
    const [row] = await api.sql<{ n: number }[]>`
      select count(distinct run_id)::int as n from run_steps
      where node_id = 'split_ab' and kind = 'took' and run_id = any(${leads.map((l) => l.runId)})`;
    return row?.n === leads.length || undefined;
  });
  // Three of them buy, spread over both variants (assignment is random: three buyers all in a
  // small variant would make a real winner, which is not what this test is about).
  const taken = await api.sql<{ run_id: string; port: string }[]>`
    select run_id, port from run_steps
    where node_id = 'split_ab' and kind = 'took' and run_id = any(${leads.map((l) => l.runId)})`;
  const byPort = new Map<string, typeof leads>();
  for (const lead of leads) {
    const port = taken.find((t) => t.run_id === lead.runId)?.port ?? '';
    byPort.set(port, [...(byPort.get(port) ?? []), lead]);
  }
  const groups = [...byPort.values()].sort((a, b) => b.length - a.length);
  const buyers = [groups[0]?.[0], groups[1]?.[0] ?? groups[0]?.[2], groups[0]?.[1]].filter(
    (lead): lead is (typeof leads)[number] => lead !== undefined,
  );
  for (const lead of buyers) {
    await api.call('POST', '/api/events', {
      id: `order-${lead.externalId}`,
      name: 'order_placed',
      contact: { externalId: lead.externalId },
    });
  }
  await api.eventually(async () => {
    const [row] = await api.sql<{ n: number }[]>`
      select count(*)::int as n from runs where journey_id = ${journeyId} and converted_at is not null`;
    return row?.n === 3 || undefined;
  });

  const expected = await api.sql<{ port: string; entered: number; converted: number }[]>`
    select s.port, count(*)::int as entered, count(r.converted_at)::int as converted
    from runs r join run_steps s on s.run_id = r.id and s.node_id = 'split_ab' and s.kind = 'took'
    where r.journey_id = ${journeyId} group by 1 order by 1`;
  const body = (await api.call<Json>('GET', `/api/journeys/${journeyId}/analytics`)).body;
  const split = body.splits.split_ab;
  for (const row of expected) {
    expect(split.variants.find((v: Json) => v.port === row.port)).toMatchObject({
      entered: row.entered,
      converted: row.converted,
      rate: row.converted / row.entered,
    });
  }
  expect(split.variants.map((v: Json) => v.label)).toEqual(['A', 'B']);
  expect(split.variants.reduce((n: number, v: Json) => n + v.entered, 0)).toBe(8);
  expect(split.winner).toBeNull();
});
