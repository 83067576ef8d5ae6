import { createHash } from 'node:crypto';
import {
  GRAPH_ERRORS,
  startFakeGraphApi,
  startFakeSmtpServer,
  startFakeTwilioApi,
  TWILIO_ERRORS,
} from '@ruta/engine/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';
import { activeTemplateJourney } from '../testing/journeys';
import { signMeta, signTwilio, twilioFormBody } from './providers/fixtures/sign';
import { twilioInbound, twilioStatus } from './providers/fixtures/twilio';
import {
  whatsappBatch,
  whatsappStatus,
  whatsappTemplateButton,
  whatsappTextMessage,
} from './providers/fixtures/whatsapp';

/**
 * Done means (issue #8): a workspace with WhatsApp Cloud API, Twilio and SMTP credentials sends
 * the abandoned-cart journey for real and routes the real replies, statuses, opens and clicks to
 * the right runs. Each provider's API is a local server answering as its documentation says;
 * webhooks are the documented payloads, signed as the providers sign them.
 */
type Json = Record<string, any>;

const META = {
  phoneNumberId: '106540352242922',
  businessAccountId: '102290129340398',
  accessToken: 'EAAG-test-access-token-0001',
  appSecret: 'meta-app-secret-0001',
  verifyToken: 'ruta-verify-token-0001',
};
const TWILIO = { accountSid: `AC${'1'.repeat(32)}`, authToken: 'twilio-auth-token-000000001' };

let api: ApiHarness;
let graph: Awaited<ReturnType<typeof startFakeGraphApi>>;
let twilio: Awaited<ReturnType<typeof startFakeTwilioApi>>;
let smtp: Awaited<ReturnType<typeof startFakeSmtpServer>>;
const channel: Record<'whatsapp' | 'twilio' | 'smtp', string> = {
  whatsapp: '',
  twilio: '',
  smtp: '',
};

beforeAll(async () => {
  [graph, twilio, smtp] = await Promise.all([
    startFakeGraphApi({ accessToken: META.accessToken }),
    startFakeTwilioApi(TWILIO),
    startFakeSmtpServer({ user: 'ruta', password: 'smtp-pass-0001' }),
  ]);
  // Where the providers are is the server's setting (RUTA_WHATSAPP_API_URL, RUTA_TWILIO_API_URL),
  // and the fakes listen on loopback without TLS (RUTA_OUTBOUND_ALLOW, RUTA_SMTP_ALLOW_PLAIN).
  api = await startApiHarness({
    providerApiUrls: { whatsapp: graph.baseUrl, twilio: twilio.baseUrl },
    outbound: { allow: ['127.0.0.1'], allowPlainSmtp: true },
  });
  const add = async (body: Json) => {
    const res = await api.call<Json>('POST', '/api/channels', body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  channel.whatsapp = await add({
    provider: 'whatsapp',
    name: 'WhatsApp',
    config: META,
  });
  channel.twilio = await add({
    provider: 'twilio',
    name: 'SMS',
    config: { ...TWILIO, from: '+5215550009999' },
  });
  channel.smtp = await add({
    provider: 'smtp',
    name: 'Correo',
    config: {
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: 'ruta',
      password: 'smtp-pass-0001',
      from: 'Tienda Sol <hola@tiendasol.mx>',
    },
  });
});
afterAll(async () => {
  await api?.stop();
  await Promise.all([graph?.close(), twilio?.close(), smtp?.close()]);
});

async function postWhatsApp(payload: unknown, options: { secret?: string; tamper?: boolean } = {}) {
  const raw = JSON.stringify(payload);
  const signature = signMeta(raw, options.secret ?? META.appSecret);
  const body = options.tamper ? raw.replace('"whatsapp"', '"whatsapq"') : raw;
  return api.app.request(`/webhooks/whatsapp/${channel.whatsapp}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body,
  });
}

async function postTwilio(params: Record<string, string>, options: { tamper?: boolean } = {}) {
  const url = `${api.publicUrl}/webhooks/twilio/${channel.twilio}`;
  const signature = signTwilio(url, params, TWILIO.authToken);
  const sent = options.tamper ? { ...params, Body: `${params.Body ?? ''}!` } : params;
  return api.app.request(`/webhooks/twilio/${channel.twilio}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
    },
    body: twilioFormBody(sent),
  });
}

const receipts = async () =>
  Number((await api.sql<{ n: string }[]>`select count(*) as n from webhook_receipts`)[0]?.n);

function cartJourney() {
  return activeTemplateJourney(api, {
    name: 'Carrito (canales reales)',
    templateId: 'abandoned_cart',
    waitFor: { amount: 4, unit: 'seconds' },
  });
}

async function abandonCart(cartId: string, contact: Json) {
  const res = await api.call<Json>('POST', '/api/events', {
    id: `evt-${cartId}`,
    name: 'cart_abandoned',
    contact,
    properties: {
      cart_id: cartId,
      cart_total: '$899.00',
      item_count: 2,
      cart_url: `https://tiendasol.mx/c/${cartId}`,
    },
  });
  expect(res.status).toBe(202);
  const [result] = res.body.results;
  return { contactId: result.contactId as string, runId: result.enrollments[0].runId as string };
}

const run = (runId: string) => api.call<Json>('GET', `/api/runs/${runId}`).then((r) => r.body);
const finished = (runId: string) =>
  api.eventually(async () => {
    const body = await run(runId);
    return body.status === 'completed' ? body : undefined;
  }, 30_000);
const waitingAt = (runId: string, nodeId: string) =>
  api.eventually(async () => (await run(runId)).waitingFor?.nodeId === nodeId);
const messageRow = async (providerMessageId: string) =>
  (
    await api.sql<Json[]>`
      select * from messages where provider_message_id = ${providerMessageId}`
  )[0];

describe('real channels: the abandoned cart over WhatsApp Cloud API and Twilio', () => {
  let journeyId = '';
  beforeAll(async () => {
    // The account's template is a UTILITY one (cheaper than marketing): Ruta prices it so.
    graph.setTemplates([
      {
        name: 'carrito_abandonado',
        language: 'es_MX',
        status: 'APPROVED',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Hola {{1}}, tu carrito de {{2}} te espera.' }],
      },
    ]);
    // An error answer is told in Ruta's words with a stable code; what Meta said stays in the log.
    graph.replyNext({
      status: 401,
      body: { error: { message: 'upstream secret: db-7.corp:5432 refused', code: 190 } },
    });
    const refused = await api.call<Json>(
      'POST',
      `/api/channels/${channel.whatsapp}/templates/sync`,
    );
    expect(refused.status).toBe(502);
    expect(refused.body).toMatchObject({ code: 'auth_failed' });
    expect(JSON.stringify(refused.body)).not.toContain('upstream secret');

    const synced = await api.call<Json>('POST', `/api/channels/${channel.whatsapp}/templates/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body.items).toEqual([
      expect.objectContaining({ name: 'carrito_abandonado', status: 'APPROVED', paramCount: 2 }),
    ]);
    journeyId = await cartJourney();
  });

  test('WhatsApp template out, statuses and a quick-reply tap back in, the buy link as a session message', async () => {
    const { runId } = await abandonCart('WA-1', {
      externalId: 'lucia',
      phone: '+5215511112222',
      firstName: 'Lucía',
      consent: { whatsapp: true, sms: true },
    });
    await waitingAt(runId, 'wait_cart');
    const sent = graph.requests.filter((r) => r.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.path).toBe(`/v21.0/${META.phoneNumberId}/messages`);
    expect(sent[0]?.body).toMatchObject({
      messaging_product: 'whatsapp',
      to: '5215511112222',
      type: 'template',
      template: {
        name: 'carrito_abandonado',
        language: { code: 'es_MX' },
        components: expect.arrayContaining([
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Lucía' },
              { type: 'text', text: '$899.00' },
            ],
          },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '0',
            parameters: [{ type: 'payload', payload: 'buy' }],
          },
        ]),
      },
    });
    const [message] = (await run(runId)).messages;
    const wamid =
      message.provider_message_id ??
      (await api.sql<Json[]>`select provider_message_id from messages where id = ${message.id}`)[0]
        ?.provider_message_id;
    expect(wamid).toMatch(/^wamid\./);

    // Read arrives before delivered (out of order) and delivered twice (a redelivery): harmless.
    const read = whatsappStatus({ id: wamid, status: 'read', recipient: '+5215511112222' });
    const delivered = whatsappStatus({
      id: wamid,
      status: 'delivered',
      recipient: '+5215511112222',
      pricingCategory: 'marketing',
    });
    // Priced from the default list: Meta's rate card for Mexico, utility 0.0085 USD.
    expect(await messageRow(wamid)).toMatchObject({ pricing_category: 'utility', cost: '0.00850' });
    for (const payload of [read, delivered, delivered])
      expect((await postWhatsApp(payload)).status).toBe(200);
    const afterStatuses = await messageRow(wamid);
    // Meta's word on what it billed replaces the estimate.
    expect(afterStatuses).toMatchObject({
      status: 'read',
      pricing_category: 'marketing',
      cost: '0.04360',
    });
    expect(afterStatuses?.delivered_at).toBeTruthy();
    expect(afterStatuses?.channel_config_id).toBe(channel.whatsapp);

    const tap = whatsappTemplateButton({
      from: '+5215511112222',
      payload: 'buy',
      text: 'Comprar',
      contextId: wamid,
    });
    expect((await postWhatsApp(tap)).status).toBe(200);
    expect((await postWhatsApp(tap)).status).toBe(200); // Meta redelivers: routed once
    const done = await finished(runId);
    expect(done.outcome).toBe('clicked_buy');
    expect(done.path).toEqual([
      'trigger',
      'send_cart',
      'wait_cart',
      'send_buy_link',
      'exit_clicked_buy',
    ]);
    const inbound =
      await api.sql`select * from inbound_messages where provider = 'whatsapp' and button_id = 'buy'`;
    expect(inbound).toHaveLength(1);
    // Inside the 24-hour window now: the buy link goes as free text, not a template.
    const buyLink = graph.requests.filter((r) => r.method === 'POST')[1]?.body as Json;
    expect(buyLink).toMatchObject({ type: 'text', to: '5215511112222' });
    expect(buyLink.text.body).toContain('https://tiendasol.mx/c/WA-1');
  });

  test('two carts: a quick-reply tap names its message (context.id), so only that cart’s run takes it', async () => {
    const contact = {
      externalId: 'dos-carritos',
      phone: '+5215540404040',
      firstName: 'Marta',
      consent: { whatsapp: true, sms: true },
    };
    const first = await abandonCart('TWO-A', contact);
    const second = await abandonCart('TWO-B', contact);
    await waitingAt(first.runId, 'wait_cart');
    await waitingAt(second.runId, 'wait_cart');
    const [messageA] = (await run(first.runId)).messages;
    const [rowA] = await api.sql<Json[]>`
      select provider_message_id from messages where id = ${messageA.id}`;
    const tap = whatsappTemplateButton({
      from: '+5215540404040',
      payload: 'buy',
      text: 'Comprar',
      contextId: rowA?.provider_message_id,
    });
    expect((await postWhatsApp(tap)).status).toBe(200);
    const a = await finished(first.runId);
    expect(a.outcome).toBe('clicked_buy');
    expect(a.steps).toContainEqual(
      expect.objectContaining({
        kind: 'signal',
        detail: expect.objectContaining({ routedBy: 'context', messageId: messageA.id }),
      }),
    );
    // Cart B never heard the tap: its wait ran out and it took the reminder path.
    const b = await finished(second.runId);
    expect(b.path).not.toContain('send_buy_link');
    expect(b.steps.filter((s: Json) => s.kind === 'signal')).toEqual([]);
  });

  test('Meta reports the template failed after the send (131026): the SMS fallback goes, and the wait watches it', async () => {
    const phone = '+5215566667777';
    const { runId } = await abandonCart('LATE-FAIL', {
      externalId: 'late-fail',
      phone,
      firstName: 'Iris',
      consent: { whatsapp: true, sms: true },
    });
    await waitingAt(runId, 'wait_cart');
    const [message] = (await run(runId)).messages;
    const [row] = await api.sql<Json[]>`
      select provider_message_id from messages where id = ${message.id}`;
    const smsBefore = twilio.requests.filter((r) => (r.body as Json).To === phone).length;
    const failed = whatsappStatus({
      id: row?.provider_message_id,
      status: 'failed',
      recipient: phone,
      error: { code: 131026, title: 'Message undeliverable' },
    });
    expect((await postWhatsApp(failed)).status).toBe(200);
    const fallback = await api.eventually(async () => {
      const steps = (await run(runId)).steps as Json[];
      return steps.find((s) => s.kind === 'message' && s.detail.retryOf === 'whatsapp');
    });
    expect(fallback.detail).toMatchObject({
      channel: 'sms',
      why: 'delivery_failed',
      status: 'sent',
    });
    expect(twilio.requests.filter((r) => (r.body as Json).To === phone).length).toBe(smsBefore + 1);
    expect(await messageRow(row?.provider_message_id)).toMatchObject({ status: 'failed' });
  });

  test('a final WhatsApp error falls back to SMS over Twilio; the status callback and a BAJA reply route to the run', async () => {
    graph.replyNext(GRAPH_ERRORS.undeliverable);
    const { runId, contactId } = await abandonCart('SMS-1', {
      externalId: 'mario',
      phone: '+5215533334444',
      firstName: 'Mario',
      consent: { whatsapp: true, sms: true },
    });
    await waitingAt(runId, 'wait_cart');
    const sms = twilio.requests.at(-1);
    expect(sms?.body).toMatchObject({
      To: '+5215533334444',
      From: '+5215550009999',
      StatusCallback: `${api.publicUrl}/webhooks/twilio/${channel.twilio}`,
    });
    expect(String((sms?.body as Json | undefined)?.Body)).toContain('tu carrito de $899.00');
    const messages = (await run(runId)).messages as Json[];
    expect(messages.map((m) => [m.channel, m.status])).toEqual([
      ['whatsapp', 'failed'],
      ['sms', 'sent'],
    ]);
    const smsRow = await api.sql<Json[]>`
      select provider_message_id, segments from messages where run_id = ${runId} and channel = 'sms'`;
    expect(smsRow[0]?.segments).toBe(1);
    const sid = smsRow[0]?.provider_message_id as string;

    expect((await postTwilio(twilioStatus({ sid, status: 'delivered' }))).status).toBe(200);
    expect(await messageRow(sid)).toMatchObject({ status: 'delivered' });

    const reply = twilioInbound({ from: '+5215533334444', body: 'BAJA', to: '+5215550009999' });
    const answered = await postTwilio(reply);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('content-type')).toContain('text/xml');
    const done = await finished(runId);
    expect(done.outcome).toBe('opted_out');
    const [contact] = await api.sql<Json[]>`select consent from contacts where id = ${contactId}`;
    expect(contact?.consent.sms.granted).toBe(false);
  });

  test('a number that opted out at the carrier: Twilio refuses, the step fails, and Ruta stops asking', async () => {
    twilio.replyNext(TWILIO_ERRORS.unsubscribed);
    const { runId, contactId } = await abandonCart('SMS-2', {
      externalId: 'pedro',
      phone: '+5215544445555',
      firstName: 'Pedro',
      consent: { sms: true },
    });
    const done = await finished(runId);
    expect(done.outcome).toBe('not_delivered');
    const [message] = await api.sql<
      Json[]
    >`select status, error from messages where run_id = ${runId}`;
    expect(message?.status).toBe('failed');
    expect(message?.error).toContain('unsubscribed');
    const [contact] = await api.sql<Json[]>`select consent from contacts where id = ${contactId}`;
    expect(contact?.consent.sms).toMatchObject({ granted: false, source: 'provider' });
  });

  test('a message from a number Ruta has never seen becomes a contact with an open WhatsApp window', async () => {
    const res = await postWhatsApp(
      whatsappTextMessage({
        from: '+5215577778888',
        text: 'Hola, ¿tienen envío a Puebla?',
        profileName: 'Ana',
      }),
    );
    expect(res.status).toBe(200);
    const [contact] = await api.sql<Json[]>`select * from contacts where phone = '+5215577778888'`;
    expect(contact).toMatchObject({ first_name: 'Ana' });
    expect(contact?.last_inbound_at.whatsapp).toBeTruthy();
  });

  test('webhook safety: bad signatures refused with nothing kept, malformed bodies 400, unknown ids 200 and logged, the handshake', async () => {
    const before = await receipts();
    const status = whatsappStatus({
      id: 'wamid.unknown',
      status: 'delivered',
      recipient: '+5215500000000',
    });
    expect((await postWhatsApp(status, { tamper: true })).status).toBe(401);
    expect((await postWhatsApp(status, { secret: 'another-secret' })).status).toBe(401);
    expect(
      (await postTwilio(twilioInbound({ from: '+5215533334444', body: 'hola' }), { tamper: true }))
        .status,
    ).toBe(401);
    expect(await receipts()).toBe(before);

    const malformed = await postWhatsApp({
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            {
              field: 'messages',
              value: { messaging_product: 'whatsapp', messages: [{ id: 'x' }] },
            },
          ],
        },
      ],
    });
    expect(malformed.status).toBe(400);
    const problem = (await malformed.json()) as Json;
    expect(problem.errors[0].path).toContain('entry[0]');
    expect(await receipts()).toBe(before);

    const unknown = await postWhatsApp(whatsappBatch(status));
    expect(unknown.status).toBe(200);
    const [stored] = await api.sql<
      Json[]
    >`select * from webhook_receipts order by received_at desc limit 1`;
    expect(stored).toMatchObject({ status: 'processed', provider: 'whatsapp' });
    expect(stored?.outcome.unknownMessageIds).toEqual(['wamid.unknown']);
    expect(stored?.body).toBe(JSON.stringify(whatsappBatch(status)));

    const ok = await api.app.request(
      `/webhooks/whatsapp/${channel.whatsapp}?hub.mode=subscribe&hub.verify_token=${META.verifyToken}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await api.app.request(
      `/webhooks/whatsapp/${channel.whatsapp}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
    );
    expect(wrong.status).toBe(403);
    expect(
      (await api.app.request(`/webhooks/twilio/${channel.whatsapp}`, { method: 'POST' })).status,
    ).toBe(404);
  });

  test('a receipt whose processing failed is kept and can be replayed', async () => {
    const payload = whatsappTextMessage({ from: '+5215566667777', text: 'Quiero comprar' });
    const [receipt] = await api.sql<{ id: string }[]>`
      insert into webhook_receipts (workspace_id, channel_id, provider, body, status, error)
      values (${api.workspaceId}, ${channel.whatsapp}, 'whatsapp', ${JSON.stringify(payload)}, 'failed', 'simulated crash')
      returning id`;
    const failed = await api.call<Json>('GET', '/api/webhook-receipts?status=failed');
    expect(failed.body.items.map((r: Json) => r.id)).toContain(receipt?.id);
    const replayed = await api.call<Json>('POST', `/api/webhook-receipts/${receipt?.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ ok: true, outcome: { inbound: 1 } });
    const again = await api.call<Json>('POST', `/api/webhook-receipts/${receipt?.id}/replay`);
    expect(again.body.outcome).toMatchObject({ inbound: 0, duplicates: 1 });
  });

  test('journey cleanup', async () => {
    expect((await api.call('POST', `/api/journeys/${journeyId}/stop`)).status).toBe(200);
  });
});

describe('real channels: email over SMTP with signed tracking links', () => {
  test('the email goes out with tracking; an open and a click reach the run; forged links do nothing', async () => {
    const definition = {
      schemaVersion: 1,
      trigger: { kind: 'event', event: 'signed_up', filters: [] },
      nodes: {
        send_welcome: {
          type: 'send',
          name: 'Bienvenida',
          channel: 'email',
          fallbackChannels: [],
          exitPorts: ['failed'],
          content: {
            email: {
              subject: 'Bienvenida, {{ contact.first_name }}',
              html: '<html><body><p>Hola {{ contact.first_name }}</p><a href="https://tiendasol.mx/ofertas?x=1&amp;y=2">Ver ofertas</a></body></html>',
            },
          },
        },
        wait_click: {
          type: 'wait_for',
          name: '¿Hizo clic?',
          messageNodeId: 'send_welcome',
          signals: [{ port: 'clicked', kind: 'click' }],
          timeout: { amount: 1, unit: 'minutes' },
          exitPorts: ['clicked', 'timeout'],
        },
      },
      edges: [
        { id: 'e1', source: 'trigger', sourcePort: 'next', target: 'send_welcome' },
        { id: 'e2', source: 'send_welcome', sourcePort: 'sent', target: 'wait_click' },
      ],
      settings: {},
    };
    const created = await api.call<Json>('POST', '/api/journeys', {
      name: 'Bienvenida por correo',
    });
    const saved = await api.call<Json>('PUT', `/api/journeys/${created.body.id}/draft`, {
      definition,
    });
    expect(saved.body.problems).toEqual([]);
    await api.call('POST', `/api/journeys/${created.body.id}/publish`);
    await api.call('POST', `/api/journeys/${created.body.id}/activate`, {
      pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
    });
    const ingest = await api.call<Json>('POST', '/api/events', {
      id: 'evt-signup-1',
      name: 'signed_up',
      contact: {
        externalId: 'sofia',
        email: 'sofia@example.com',
        firstName: 'Sofía',
        consent: { email: true },
      },
    });
    const { runId, contactId } = {
      runId: ingest.body.results[0].enrollments[0].runId as string,
      contactId: ingest.body.results[0].contactId as string,
    };
    await waitingAt(runId, 'wait_click');
    const mail = smtp.messages.at(-1);
    expect(mail?.envelope.to).toEqual(['sofia@example.com']);
    expect(mail?.headers['subject']).toBe('Bienvenida, Sofía');
    const unsubscribe = /<([^>]+)>/.exec(String(mail?.headers['list-unsubscribe']))?.[1] ?? '';
    expect(unsubscribe).toContain(`${api.publicUrl}/t/u/`);
    const html = mail?.html ?? '';
    const pixel = /<img src="([^"]+)"/.exec(html)?.[1] ?? '';
    const click = /<a href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(pixel).toContain('/t/o/');
    expect(click).toContain('/t/c/');
    const local = (url: string) => url.replace(api.publicUrl, '');

    const forged = new URL(click);
    forged.searchParams.set('u', 'https://evil.example/phish');
    const refused = await api.app.request(local(forged.toString()));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();

    const opened = await api.app.request(local(pixel));
    expect(opened.headers.get('content-type')).toBe('image/gif');
    const clicked = await api.app.request(local(click));
    expect(clicked.status).toBe(302);
    expect(clicked.headers.get('location')).toBe('https://tiendasol.mx/ofertas?x=1&y=2');

    const done = await finished(runId);
    expect(done.path).toEqual(['trigger', 'send_welcome', 'wait_click']);
    expect(done.steps).toContainEqual(
      expect.objectContaining({ node_id: 'wait_click', kind: 'took', port: 'clicked' }),
    );
    const [message] = await api.sql<Json[]>`select * from messages where run_id = ${runId}`;
    expect(message).toMatchObject({
      provider: 'smtp',
      channel_config_id: channel.smtp,
      status: 'read',
    });
    expect(message?.opened_at).toBeTruthy();
    expect(message?.clicked_at).toBeTruthy();

    // RFC 8058 one-click unsubscribe; a GET only asks, on a page whose only style is allowed by hash.
    const asked = await api.app.request(local(unsubscribe));
    expect(asked.status).toBe(200);
    const style = /<style>([^<]*)<\/style>/.exec(await asked.text())?.[1] ?? '';
    expect(asked.headers.get('content-security-policy')).toContain(
      `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    );
    expect(asked.headers.get('content-security-policy')).toContain("default-src 'none'");
    let [contact] = await api.sql<Json[]>`select consent from contacts where id = ${contactId}`;
    expect(contact?.consent.email.granted).toBe(true);
    const post = await api.app.request(local(unsubscribe), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    [contact] = await api.sql<Json[]>`select consent from contacts where id = ${contactId}`;
    expect(contact?.consent.email.granted).toBe(false);
    await api.call('POST', `/api/journeys/${created.body.id}/stop`);
  });
});
