import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { activeTemplateJourney } from '../testing/journeys';

/**
 * The runs list a marketer filters: by the step (its name, as the canvas shows it), by the
 * customer (name, phone, email), by how the run ended.
 */
let api: ApiHarness;
let journeyId: string;
type Json = Record<string, any>;

beforeAll(async () => {
  api = await startApiHarness();
  journeyId = await activeTemplateJourney(api, {
    name: 'Carrito (lista)',
    templateId: 'abandoned_cart',
    waitFor: { amount: 10, unit: 'minutes' },
  });
});
afterAll(() => api?.stop());

async function abandon(externalId: string, firstName: string, phone: string) {
  const res = await api.call<Json>('POST', '/api/events', {
    id: `list-${externalId}`,
    name: 'cart_abandoned',
    contact: { externalId, phone, firstName, consent: { whatsapp: true, sms: true } },
    properties: {
      cart_id: externalId,
      cart_total: '$10',
      item_count: 1,
      cart_url: 'https://t.mx/c',
    },
  });
  expect(res.status).toBe(202);
  const runId = res.body.results[0].enrollments[0].runId as string;
  await api.eventually(async () => {
    const run = (await api.call<Json>('GET', `/api/runs/${runId}`)).body;
    return run.waitingFor?.nodeId === 'wait_cart' ? run : undefined;
  });
  return runId;
}

const list = async (query: string) =>
  ((await api.call<Json[]>('GET', `/api/runs?journeyId=${journeyId}&${query}`)).body as Json[]).map(
    (r) => r.id,
  );

describe('the runs list filters as a marketer asks', () => {
  test('by step name, by customer, by outcome', async () => {
    const marisol = await abandon('lista-marisol', 'Marisol Peña', '+525511110001');
    const tomas = await abandon('lista-tomas', 'Tomás', '+525511110002');

    // «¿Qué hizo?» is wait_cart's name: part of it finds both; the id works too.
    expect((await list('step=qu%C3%A9%20hizo')).sort()).toEqual([marisol, tomas].sort());
    expect((await list('step=wait_cart')).sort()).toEqual([marisol, tomas].sort());
    expect(await list('step=Recordatorio%20por%20SMS')).toEqual([]);

    // The customer: name without accents, phone digits, external id.
    expect(await list('q=marisol%20pena')).toEqual([marisol]);
    expect(await list('q=5511110002')).toEqual([tomas]);
    expect(await list('q=lista-tom')).toEqual([tomas]);

    // How it ended: remove one, and it is listed under its outcome, at the step it left.
    const removed = await api.call('POST', `/api/runs/${tomas}/exit`, {});
    expect(removed.status).toBeLessThan(300);
    const ended = await api.eventually(async () => {
      const rows = (await api.call<Json[]>('GET', `/api/runs?journeyId=${journeyId}&q=lista-tom`))
        .body as Json[];
      return rows[0]?.status !== 'active' ? rows[0] : undefined;
    });
    expect(ended.outcome).toBe('removed');
    expect(await list('outcome=removed')).toEqual([tomas]);
    expect(await list('outcome=removed&q=marisol')).toEqual([]);

    // A removed run is left out of every rate, and said apart: on the canvas and the KPI page.
    const numbers = (await api.call<Json>('GET', `/api/journeys/${journeyId}/analytics`)).body;
    expect(numbers.runs.removed).toEqual({ treatment: 1, holdout: 0 });
    expect(numbers.goal.entered).toBe(1);
    expect(numbers.nodes.wait_cart).toMatchObject({ entered: 2, removed_here: 1, in_flight: 1 });

    // The same runs as CSV, steps by name, for the spreadsheet a pilot is audited with.
    const csv = await api.app.request(`/api/runs/export?journeyId=${journeyId}`, {
      headers: { authorization: `Bearer ${api.apiKey}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'run_id,journey,version,contact_external_id,contact_name,phone,email,group,status,outcome,step,started_at,ended_at,converted_at',
    );
    expect(lines).toHaveLength(3);
    const tomasLine = lines.find((line) => line.startsWith(tomas));
    expect(tomasLine).toContain(
      ',lista-tomas,Tomás,+525511110002,,treatment,completed,removed,¿Qué hizo?,',
    );
  });
});
