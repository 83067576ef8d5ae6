import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeSmtpServer } from '@ruta/engine/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { activeHandoffJourney, customerAsksForHelp } from '../testing/handoffs';

type Json = Record<string, any>;

let api: ApiHarness;
let smtp: Awaited<ReturnType<typeof startFakeSmtpServer>>;
let hook: Server;
const hooks: { headers: IncomingMessage['headers']; body: string }[] = [];
let journeyId: string;

beforeAll(async () => {
  smtp = await startFakeSmtpServer();
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      hooks.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  api = await startApiHarness({ outbound: { allow: ['127.0.0.1'], allowPlainSmtp: true } });
  const smtpChannel = await api.call<Json>('POST', '/api/channels', {
    provider: 'smtp',
    name: 'Correo',
    config: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Tienda <hola@t.mx>' },
  });
  expect(smtpChannel.status).toBe(201);
  journeyId = await activeHandoffJourney(api, 'Carrito con ventas');
});
afterAll(async () => {
  await api?.stop();
  await smtp?.close();
  await new Promise((r) => hook?.close(r));
});

test('a tap on «Tengo dudas» reaches the inbox with the cart; an agent answers on WhatsApp and closes it as sold; the run goes on by «vendió»', async () => {
  const agent = await api.member('agent');
  const queue = await api.call<Json>('PUT', '/api/handoffs/queues/ventas', {
    notifyUserIds: [agent.userId],
    webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/ruta`,
  });
  expect(queue.status).toBe(200);
  expect(queue.body).toMatchObject({
    queue: 'ventas',
    signed: true,
    notifyUserIds: [agent.userId],
  });
  const secret = queue.body.secret as string;
  expect(secret).toMatch(/^rhs_/);
  // The secret is shown once.
  const again = await api.call<Json>('GET', '/api/handoffs/queues');
  expect(again.body.items.find((q: Json) => q.queue === 'ventas')).not.toHaveProperty('secret');

  const { contactId, runId, handoff } = await customerAsksForHelp(api, 'marisol');
  expect(handoff).toMatchObject({
    queue: 'ventas',
    status: 'open',
    waitsForAgent: true,
    channel: 'whatsapp',
    assignee: null,
    contact: { name: 'Marisol' },
    journey: { id: journeyId, name: 'Carrito con ventas' },
    lastInbound: { buttonId: 'help', text: 'Tengo dudas' },
  });
  const list = await api.call<Json>('GET', '/api/handoffs');
  expect(list.body.unassigned).toBeGreaterThanOrEqual(1);
  expect(list.body.queues).toContainEqual(expect.objectContaining({ queue: 'ventas' }));
  // The badge's counts, alone, say the same as the list.
  const counts = await api.call<Json>('GET', '/api/handoffs/summary');
  expect(counts.body).toEqual({ queues: list.body.queues, unassigned: list.body.unassigned });

  // The queue heard of it: a signed webhook and an email to its member.
  const delivered = await api.eventually(async () =>
    hooks.find((h) => JSON.parse(h.body).id === handoff.id),
  );
  const [t, v1] = String(delivered.headers['ruta-signature']).split(',');
  const timestamp = t?.slice(2);
  expect(v1).toBe(
    `v1=${createHmac('sha256', secret).update(`${timestamp}.${delivered.body}`).digest('hex')}`,
  );
  expect(JSON.parse(delivered.body)).toMatchObject({
    type: 'handoff.created',
    queue: 'ventas',
    contact: { id: contactId, firstName: 'Marisol' },
    context: { event: { properties: { cart_total: '$1,450.00' } } },
  });
  const mail = await api.eventually(async () =>
    smtp.messages.find((m) => m.envelope.to.includes(agent.email)),
  );
  expect(mail.raw).toContain(`/inbox/${handoff.id}`);

  // The agent opens it: the cart, what the customer tapped, the path, the conversation.
  // The task is created as the run reaches «Pasar a ventas», its journal a moment later.
  const opened = await api.eventually(async () => {
    const res = await api.call<Json>('GET', `/api/handoffs/${handoff.id}`, undefined, {
      cookie: agent.cookie,
    });
    return res.body.run.path.length > 1 ? res : undefined;
  });
  expect(opened.body.event.properties).toMatchObject({
    cart_id: 'K-marisol',
    cart_total: '$1,450.00',
  });
  expect(opened.body.run.path.map((p: Json) => p.port?.es)).toContain('tocó «Tengo dudas»');
  expect(opened.body.conversation.map((m: Json) => m.by)).toEqual(['journey', 'customer']);
  expect(opened.body.window.open).toBe(true);

  const took = await api.call<Json>(
    'PATCH',
    `/api/handoffs/${handoff.id}`,
    { assignTo: 'me' },
    {
      cookie: agent.cookie,
    },
  );
  expect(took.body).toMatchObject({ status: 'assigned', assignee: { id: agent.userId } });
  const answer = await api.call<Json>(
    'POST',
    `/api/handoffs/${handoff.id}/messages`,
    { text: 'Hola Marisol, ¿qué duda tienes? {{ no es Liquid }}', clientId: 'answer-0001' },
    { cookie: agent.cookie },
  );
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ channel: 'whatsapp', status: 'sent' });
  // The same client id never sends twice.
  const repeat = await api.call<Json>(
    'POST',
    `/api/handoffs/${handoff.id}/messages`,
    { text: 'Hola Marisol, ¿qué duda tienes? {{ no es Liquid }}', clientId: 'answer-0001' },
    { cookie: agent.cookie },
  );
  expect(repeat.body.messageId).toBe(answer.body.messageId);
  const [sent] = await api.sql<
    { content: Json; sent_by: string; handoff_id: string; format: string }[]
  >`
    select content, sent_by, handoff_id, format from messages where id = ${answer.body.messageId}`;
  expect(sent).toMatchObject({
    sent_by: agent.userId,
    handoff_id: handoff.id,
    format: 'whatsapp_session',
  });
  expect(sent?.content.text).toBe('Hola Marisol, ¿qué duda tienes? {{ no es Liquid }}');
  const note = await api.call<Json>(
    'POST',
    `/api/handoffs/${handoff.id}/notes`,
    { body: 'Pregunta por tallas' },
    { cookie: agent.cookie },
  );
  expect(note.status).toBe(201);

  const closed = await api.call<Json>(
    'PATCH',
    `/api/handoffs/${handoff.id}`,
    { close: { result: 'sold' } },
    { cookie: agent.cookie },
  );
  expect(closed.body).toMatchObject({ status: 'closed', result: 'sold' });
  expect(closed.body.firstResponseAt).not.toBeNull();
  expect(closed.body.notes).toMatchObject([{ body: 'Pregunta por tallas', author: agent.email }]);
  expect(closed.body.conversation.at(-1)).toMatchObject({ by: 'agent', direction: 'out' });
  const run = await api.eventually(async () => {
    const [row] = await api.sql<{ status: string; outcome: string }[]>`
      select status, outcome from runs where id = ${runId}`;
    return row?.status === 'completed' && row;
  });
  expect(run.outcome).toBe('sold');
  // The customer's whole story says it too: handed to a person, the agent's answer, the close.
  const story = await api.call<Json>('GET', `/api/contacts/${contactId}/timeline`);
  const kinds = story.body.items.map((i: Json) => i.kind);
  expect(kinds).toEqual(expect.arrayContaining(['handoff', 'handoff_closed']));
  expect(story.body.items.find((i: Json) => i.kind === 'handoff_closed').detail).toMatchObject({
    queue: 'ventas',
    result: 'sold',
    // The member's name (the test harness names members after their role).
    by: 'agent',
  });
  expect(
    story.body.items.find((i: Json) => i.kind === 'message' && i.detail.agent).detail,
  ).toMatchObject({ channel: 'whatsapp' });
  const twice = await api.call<Json>('PATCH', `/api/handoffs/${handoff.id}`, {
    close: { result: 'no_sale' },
  });
  expect(twice.status).toBe(409);
  expect(twice.body.detail_es).toContain('ya está cerrada');
});

test('who may do what: a viewer reads the inbox, an agent works it but cannot edit journeys, free text outside the window asks for a template', async () => {
  const { handoff } = await customerAsksForHelp(api, 'beto');
  const viewer = await api.member('viewer');
  const agent = await api.member('agent');
  expect(
    (await api.call('GET', `/api/handoffs/${handoff.id}`, undefined, { cookie: viewer.cookie }))
      .status,
  ).toBe(200);
  const refused = await api.call<Json>(
    'PATCH',
    `/api/handoffs/${handoff.id}`,
    { assignTo: 'me' },
    {
      cookie: viewer.cookie,
    },
  );
  expect(refused.status).toBe(403);
  expect(
    (await api.call('POST', '/api/journeys', { name: 'x' }, { cookie: agent.cookie })).status,
  ).toBe(403);
  const toViewer = await api.call<Json>('PATCH', `/api/handoffs/${handoff.id}`, {
    assignTo: viewer.userId,
  });
  expect(toViewer.status).toBe(400);
  expect(toViewer.body.code).toBe('handoff_not_member');

  // Two days later the customer's window is closed: WhatsApp takes only a template.
  await api.sql`
    update contacts set last_inbound_at = jsonb_build_object('whatsapp', now() - interval '2 days')
    where id = ${handoff.contact.id}`;
  const late = await api.call<Json>(
    'POST',
    `/api/handoffs/${handoff.id}/messages`,
    { text: '¿Sigues ahí?' },
    { cookie: agent.cookie },
  );
  expect(late.status).toBe(409);
  expect(late.body.code).toBe('handoff_window_closed');
  expect(late.body.detail_es).toContain('plantilla aprobada');
  const template = await api.call<Json>(
    'POST',
    `/api/handoffs/${handoff.id}/messages`,
    { template: { name: 'seguimiento', language: 'es_MX', params: ['Beto'] } },
    { cookie: agent.cookie },
  );
  expect(template.status).toBe(201);
  const [sent] = await api.sql<{ format: string; content: Json }[]>`
    select format, content from messages where id = ${template.body.messageId}`;
  expect(sent).toMatchObject({
    format: 'whatsapp_template',
    content: { template: { name: 'seguimiento', params: ['Beto'] } },
  });
  const empty = await api.call<Json>(
    'POST',
    `/api/handoffs/${handoff.id}/messages`,
    {},
    {
      cookie: agent.cookie,
    },
  );
  expect(empty.status).toBe(400);
});

test('the KPI page measures the queues: first response, time to close, results, and hand-offs that became conversions', async () => {
  const { runId } = await customerAsksForHelp(api, 'carla');
  // Carla buys while the agent still has her conversation: the goal ends the run as converted.
  await api.call('POST', '/api/events', {
    id: 'order-carla',
    name: 'order_placed',
    contact: { externalId: 'carla' },
    properties: { cart_id: 'K-carla', total: '$1,450.00' },
  });
  await api.eventually(async () => {
    const [row] = await api.sql<
      { outcome: string }[]
    >`select outcome from runs where id = ${runId}`;
    return row?.outcome === 'converted';
  });
  const report = await api.call<Json>('GET', `/api/journeys/${journeyId}/analytics`);
  const ventas = report.body.handoffs.find((q: Json) => q.queue === 'ventas');
  // Every number from the tables themselves.
  const [expected] = await api.sql<Json[]>`
    select count(*)::int as total,
      count(*) filter (where h.status = 'closed')::int as closed,
      count(*) filter (where h.result = 'sold')::int as sold,
      count(*) filter (where r.converted_at is not null)::int as converted,
      round(percentile_cont(0.5) within group (order by extract(epoch from h.first_response_at - h.created_at))
        filter (where h.first_response_at is not null))::int as first_response
    from handoff_tasks h join runs r on r.id = h.run_id where r.journey_id = ${journeyId}`;
  expect(ventas).toMatchObject({
    total: expected?.total,
    closed: expected?.closed,
    sold: expected?.sold,
    converted: expected?.converted,
    first_response_median_seconds: expected?.first_response,
  });
  expect(ventas.total).toBe(3);
  expect(ventas.sold).toBe(1);
  expect(ventas.converted).toBe(1);
});
