import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

/** Issue #20 (6): a segment trigger is evaluated whenever a contact changes, not only at activation. */
type Json = Record<string, any>;

let api: ApiHarness;
let journeyId: string;

const runsOf = async (contactId: string) =>
  api.sql`select id from runs where journey_id = ${journeyId} and contact_id = ${contactId}`;

beforeAll(async () => {
  api = await startApiHarness();
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Mayoristas',
    templateId: 'reactivation',
  });
  journeyId = created.body.id;
  const draft = created.body.draft;
  draft.trigger = {
    kind: 'segment',
    conditions: [{ source: 'contact', field: 'plan', op: 'eq', value: 'mayorista' }],
  };
  delete draft.settings.quietHours;
  draft.settings.reentry = { mode: 'never' };
  const saved = await api.call('PUT', `/api/journeys/${journeyId}/draft`, {
    definition: draft,
    layout: created.body.layout,
  });
  expect(saved.status).toBe(200);
  expect((await api.call('POST', `/api/journeys/${journeyId}/publish`)).status).toBe(201);
  expect((await api.call('POST', `/api/journeys/${journeyId}/activate`, {})).status).toBe(200);
  // Activation sweeps the segment once; let a sweep finish first so it does not race the tests.
  const sweep = await api.call<Json>('POST', `/api/journeys/${journeyId}/sweep`);
  await api.temporal.workflow.getHandle(sweep.body.workflowId).result();
}, 60_000);

afterAll(() => api?.stop());

describe('contacts that change enter segment journeys', () => {
  test('through the contacts API: only when they newly match, once', async () => {
    const created = await api.call<Json>('POST', '/api/contacts', {
      externalId: 'cliente-seg-1',
      phone: '+5215550001111',
      attributes: { plan: 'minorista' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(await runsOf(id)).toHaveLength(0);

    await api.call('PATCH', `/api/contacts/${id}`, { attributes: { plan: 'mayorista' } });
    await api.eventually(async () => (await runsOf(id)).length === 1);
    // Still matching after another change: not "newly", so no second run.
    await api.call('PATCH', `/api/contacts/${id}`, { attributes: { ciudad: 'Monterrey' } });
    expect(await runsOf(id)).toHaveLength(1);
  });

  test('a contact created already matching enters', async () => {
    const created = await api.call<Json>('POST', '/api/contacts', {
      externalId: 'cliente-seg-2',
      phone: '+5215550002222',
      attributes: { plan: 'mayorista' },
    });
    await api.eventually(async () => (await runsOf(created.body.id)).length === 1);
  });

  test("through a source's identify", async () => {
    const source = await api.call<Json>('POST', '/api/sources', {
      platform: 'segment',
      name: 'CDP',
      config: { defaultCountry: 'MX' },
    });
    const res = await api.app.request('/v1/identify', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${source.body.writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({
        userId: 'cliente-seg-3',
        messageId: 'identify-seg-3',
        traits: { phone: '55 5000 3333', plan: 'mayorista' },
      }),
    });
    expect(res.status).toBe(200);
    const [contact] = await api.sql<{ id: string }[]>`
      select id from contacts where external_id = 'cliente-seg-3'`;
    await api.eventually(async () => (await runsOf(contact?.id ?? '')).length === 1);
  });
});
