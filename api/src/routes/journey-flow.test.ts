import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

/** The abandoned-cart template with second-long waits and no quiet hours, ready to publish. */
async function shortCartJourney(name: string) {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name,
    templateId: 'abandoned_cart',
  });
  expect(created.status).toBe(201);
  const draft = created.body.draft;
  for (const node of Object.values<Json>(draft.nodes)) {
    if (node.type === 'wait_for') node.timeout = { amount: 3, unit: 'seconds' };
  }
  delete draft.settings.quietHours;
  const saved = await api.call<Json>('PUT', `/api/journeys/${created.body.id}/draft`, {
    definition: draft,
    layout: created.body.layout,
  });
  expect(saved.status).toBe(200);
  expect(saved.body.problems).toEqual([]);
  return created.body.id as string;
}

describe('a journey from the API: publish, activate, ingest, reply, timeline', () => {
  test('cart_abandoned → WhatsApp in the sandbox → tap «Comprar» → branch taken, shown in the timeline', async () => {
    const journeyId = await shortCartJourney('Carrito (API)');
    expect((await api.call('POST', `/api/journeys/${journeyId}/publish`)).status).toBe(201);
    const activated = await api.call<Json>('POST', `/api/journeys/${journeyId}/activate`, {
      pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
    });
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('active');

    const ingest = await api.call<Json>('POST', '/api/events', {
      id: 'evt-cart-1',
      name: 'cart_abandoned',
      contact: {
        externalId: 'cust-1',
        phone: '+5215511112222',
        firstName: 'Lucía',
        consent: { whatsapp: true, sms: true },
      },
      properties: {
        cart_id: 'A-1',
        cart_total: '$899.00',
        item_count: 2,
        cart_url: 'https://tienda.mx/c/A-1',
      },
    });
    expect(ingest.status).toBe(202);
    const [result] = ingest.body.results;
    expect(result.enrollments).toEqual([
      expect.objectContaining({ journeyId, status: 'started', group: 'treatment' }),
    ]);
    const { contactId } = result;
    const runId = result.enrollments[0].runId;

    const duplicate = await api.call<Json>('POST', '/api/events', {
      id: 'evt-cart-1',
      name: 'cart_abandoned',
      contact: { externalId: 'cust-1' },
    });
    expect(duplicate.body.results[0].status).toBe('duplicate');

    const conversation = await api.eventually(async () => {
      const res = await api.call<Json>('GET', `/api/sandbox/conversations/${contactId}`);
      return res.body.items?.length > 0 ? res.body : undefined;
    });
    const message = conversation.items[0];
    expect(message).toMatchObject({
      direction: 'outbound',
      channel: 'whatsapp',
      format: 'whatsapp_template',
    });
    expect(message.content.template.params).toEqual(['Lucía', '$899.00']);

    await api.eventually(
      async () =>
        (await api.call<Json>('GET', `/api/runs/${runId}`)).body.waitingFor?.nodeId === 'wait_cart',
    );
    const tap = await api.call<Json>('POST', '/api/sandbox/inbound', {
      contactId,
      channel: 'whatsapp',
      buttonId: 'buy',
      text: 'Comprar',
    });
    expect(tap.status).toBe(202);
    expect(tap.body.routedTo).toBe(1);

    const run = await api.eventually(async () => {
      const res = await api.call<Json>('GET', `/api/runs/${runId}`);
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(run.outcome).toBe('clicked_buy');
    expect(run.steps).toContainEqual(
      expect.objectContaining({ node_id: 'wait_cart', kind: 'took', port: 'tapped_buy' }),
    );
    expect(run.path).toEqual([
      'trigger',
      'send_cart',
      'wait_cart',
      'send_buy_link',
      'exit_clicked_buy',
    ]);
    expect(run.messages.map((m: Json) => m.format)).toEqual([
      'whatsapp_template',
      'whatsapp_session',
    ]);
    expect(run.temporal.url).toContain(encodeURIComponent(run.temporal.workflowId));
    // The run recorded its own Temporal run id (the enrollment no longer writes it): the link opens it.
    const execution = await api.temporal.workflow.getHandle(run.temporal.workflowId).describe();
    expect(run.temporal.runId).toBe(execution.runId);
    expect(run.temporal.url).toContain(execution.runId);
    // The event route read the contact already: the run starts with it, no loadContact of its own.
    const history = await api.temporal.workflow.getHandle(run.temporal.workflowId).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const input = JSON.parse(
      Buffer.from(started?.input?.payloads?.[0]?.data ?? new Uint8Array()).toString('utf8'),
    );
    expect(input.contact).toMatchObject({ id: contactId, firstName: 'Lucía' });
    const firstMarker = history.events?.findIndex((e) => e.markerRecordedEventAttributes) ?? -1;
    const firstActivity =
      history.events?.findIndex((e) => e.activityTaskScheduledEventAttributes) ?? -1;
    expect(firstActivity).toBeGreaterThan(0);
    expect(firstMarker === -1 || firstMarker > firstActivity).toBe(true);

    const listed = await api.call<Json[]>(
      'GET',
      `/api/runs?journeyId=${journeyId}&status=completed`,
    );
    expect(listed.body.map((r) => r.id)).toContain(runId);
    const list = await api.call<Json[]>('GET', '/api/journeys');
    expect(list.body.find((j) => j.id === journeyId)).toMatchObject({
      status: 'active',
      version: 1,
      entered: 1,
    });
  });

  test('lifecycle refusals answer 409 with reasons; an invalid journey 422 with node ids and paths', async () => {
    const blank = await api.call<Json>('POST', '/api/journeys', { name: 'En blanco' });
    expect(blank.status).toBe(201);
    const id = blank.body.id;
    const publish = await api.call<Json>('POST', `/api/journeys/${id}/publish`);
    expect(publish.status).toBe(422);
    expect(publish.headers.get('content-type')).toContain('application/problem+json');
    expect(publish.body.errors.length).toBeGreaterThan(0);
    const activate = await api.call<Json>('POST', `/api/journeys/${id}/activate`, {});
    expect(activate.status).toBe(409);
    expect(activate.body.errors.length).toBeGreaterThan(0);
    expect((await api.call('POST', `/api/journeys/${id}/pause`)).status).toBe(409);
    expect((await api.call('POST', `/api/journeys/${id}/archive`)).status).toBe(200);
    const resume = await api.call<Json>('POST', `/api/journeys/${id}/resume`);
    expect(resume.status).toBe(409);
    expect(resume.body.detail).toContain('archived');
    expect(
      (await api.call('PUT', `/api/journeys/${id}/draft`, { definition: blank.body.draft })).status,
    ).toBe(409);

    const cart = await shortCartJourney('Con nodo roto');
    const detail = await api.call<Json>('GET', `/api/journeys/${cart}`);
    const draft = detail.body.draft;
    draft.nodes.send_cart.content.whatsapp.template.params = [
      '{{ contact.nombre_que_no_existe | filtro_raro }}',
    ];
    await api.call('PUT', `/api/journeys/${cart}/draft`, { definition: draft });
    const bad = await api.call<Json>('POST', `/api/journeys/${cart}/publish`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContainEqual(
      expect.objectContaining({
        nodeId: 'send_cart',
        path: expect.stringContaining('nodes.send_cart.content.whatsapp'),
      }),
    );
  });

  test('stop removes runs in flight; pause stops new entries', async () => {
    const journeyId = await shortCartJourney('Para detener');
    await api.call('POST', `/api/journeys/${journeyId}/publish`);
    await api.call('POST', `/api/journeys/${journeyId}/activate`, {});
    await api.call('POST', `/api/journeys/${journeyId}/pause`);
    const paused = await api.call<Json>('POST', '/api/events', {
      id: 'evt-paused',
      name: 'cart_abandoned',
      contact: { externalId: 'cust-2', phone: '+5215533334444', consent: { whatsapp: true } },
      properties: { cart_id: 'P-1' },
    });
    expect(
      paused.body.results[0].enrollments.filter((e: Json) => e.journeyId === journeyId),
    ).toEqual([]);
    await api.call('POST', `/api/journeys/${journeyId}/resume`);
    const ingest = await api.call<Json>('POST', '/api/events', {
      id: 'evt-stop',
      name: 'cart_abandoned',
      contact: { externalId: 'cust-2' },
      properties: { cart_id: 'S-1' },
    });
    const runId = ingest.body.results[0].enrollments.find(
      (e: Json) => e.journeyId === journeyId,
    ).runId;
    await api.eventually(
      async () =>
        (await api.call<Json>('GET', `/api/runs/${runId}`)).body.currentNode === 'wait_cart',
    );
    const impact = await api.call<Json>('GET', `/api/journeys/${journeyId}/impact`);
    expect(impact.body.inFlight).toBeGreaterThanOrEqual(1);
    expect((await api.call('POST', `/api/journeys/${journeyId}/stop`)).status).toBe(200);
    const run = await api.eventually(async () => {
      const res = await api.call<Json>('GET', `/api/runs/${runId}`);
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(run.outcome).toBe('removed');
  });
});
