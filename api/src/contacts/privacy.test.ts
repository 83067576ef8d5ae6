import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

const history = (contactId: string) =>
  api.sql<
    { channel: string; granted: boolean | null; source: string | null; actor: string | null }[]
  >`
    select channel, granted, source, actor from consent_history where contact_id = ${contactId} order by id`;

async function csv(text: string, cookie: string) {
  const res = await api.app.request('/api/contacts/import', {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/csv' },
    body: text,
  });
  const { importId } = (await res.json()) as Json;
  await api.eventually(async () => {
    const status = await api.call<Json>('GET', `/api/contacts/imports/${importId}`);
    return status.body.status === 'completed';
  });
}

/** The abandoned-cart template with second-long waits and no quiet hours, active. */
async function activeCartJourney() {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Carrito (privacidad)',
    templateId: 'abandoned_cart',
  });
  const draft = created.body.draft;
  for (const node of Object.values<Json>(draft.nodes))
    if (node.type === 'wait_for') node.timeout = { amount: 30, unit: 'seconds' };
  delete draft.settings.quietHours;
  await api.call('PUT', `/api/journeys/${created.body.id}/draft`, {
    definition: draft,
    layout: created.body.layout,
  });
  await api.call('POST', `/api/journeys/${created.body.id}/publish`);
  await api.call('POST', `/api/journeys/${created.body.id}/activate`, {
    pilot: { enrollmentPercent: 100, holdoutPercent: 0 },
  });
}

describe('consent history', () => {
  test('every consent change is kept — who, when, source, channel, granted — whichever path wrote it', async () => {
    const editor = await api.member('editor');
    const [key] = await api.sql<
      { id: string }[]
    >`select id from api_keys where workspace_id = ${api.workspaceId} limit 1`;

    // The contacts API, as a signed-in member.
    const created = await api.call<Json>(
      'POST',
      '/api/contacts',
      {
        phone: '+5215530001111',
        email: 'rosa@tienda.mx',
        consent: { whatsapp: true, email: true },
      },
      { cookie: editor.cookie },
    );
    const id = created.body.id as string;
    // The contacts API with an API key: withdraws WhatsApp; the same answer again is no change.
    await api.call('PATCH', `/api/contacts/${id}`, { consent: { whatsapp: false } });
    await api.call('PATCH', `/api/contacts/${id}`, { consent: { whatsapp: false } });
    // An event carrying consent (Ruta's ingest: no member behind it).
    await api.call('POST', '/api/events', {
      id: 'evt-consent-1',
      name: 'page_viewed',
      contact: { phone: '+5215530001111', consent: { rcs: true } },
    });
    // A reply "BAJA" on SMS withdraws SMS.
    await api.call('POST', '/api/sandbox/inbound', { contactId: id, channel: 'sms', text: 'BAJA' });
    // A CSV import by the member withdraws email.
    await csv('phone,consent_email\n+5215530001111,no\n', editor.cookie);
    // A journey's update_contact step (the worker writes the column directly).
    await api.sql`
      update contacts set consent = consent || ${api.sql.json({ rcs: { granted: false, at: new Date().toISOString(), source: 'journey' } } as never)}::jsonb
      where id = ${id}`;

    expect(await history(id)).toEqual([
      { channel: 'email', granted: true, source: 'api', actor: `user:${editor.userId}` },
      { channel: 'whatsapp', granted: true, source: 'api', actor: `user:${editor.userId}` },
      { channel: 'whatsapp', granted: false, source: 'api', actor: `api_key:${key!.id}` },
      { channel: 'rcs', granted: true, source: 'event', actor: null },
      { channel: 'sms', granted: false, source: 'reply', actor: null },
      { channel: 'email', granted: false, source: 'import', actor: `user:${editor.userId}` },
      { channel: 'rcs', granted: false, source: 'journey', actor: null },
    ]);

    const exported = await api.call<Json>('GET', `/api/contacts/${id}/export`);
    expect(exported.body.consentHistory).toHaveLength(7);
    expect(exported.body.consentHistory[2]).toMatchObject({
      channel: 'whatsapp',
      granted: false,
      source: 'api',
      actor: `api_key:${key!.id}`,
      at: expect.any(String),
    });
  });
});

describe('a contact’s data: export and erasure (LFPDPPP / LGPD)', () => {
  test('the export holds everything Ruta keeps about the contact; erasure removes it and scrubs what names it elsewhere', async () => {
    await activeCartJourney();
    const phone = '+5215540002222';
    const ingest = await api.call<Json>('POST', '/api/events', {
      id: 'evt-privacy-1',
      name: 'cart_abandoned',
      contact: {
        externalId: 'priv-1',
        phone,
        email: 'Lucia.Priv@Tienda.mx',
        firstName: 'Lucía',
        consent: { whatsapp: true },
      },
      properties: {
        cart_id: 'P-1',
        cart_total: '$499.00',
        item_count: 1,
        cart_url: 'https://tienda.mx/c/P-1',
      },
    });
    const { contactId } = ingest.body.results[0];
    const runId = ingest.body.results[0].enrollments[0].runId;
    const [message] = await api.eventually(async () => {
      const rows = await api.sql<
        { id: string }[]
      >`select id from messages where contact_id = ${contactId}`;
      return rows.length > 0 ? rows : undefined;
    });
    await api.sql`update messages set provider_message_id = 'wamid.PRIVACY0001' where id = ${message!.id}`;
    await api.call('POST', '/api/sandbox/inbound', {
      contactId,
      channel: 'whatsapp',
      text: '¿Tienen envío gratis?',
    });
    const [task] = await api.sql<{ id: string }[]>`
      insert into handoff_tasks (workspace_id, contact_id, run_id, queue, note, idempotency_key)
      values (${api.workspaceId}, ${contactId}, ${runId}, 'ventas', 'Pregunta por envío', ${`privacy-${runId}`})
      returning id`;
    // What an agent wrote about the customer is theirs too.
    await api.sql`
      insert into handoff_notes (handoff_id, author_label, body)
      values (${task!.id}, 'ana@tienda.mx', 'Vive en Puebla, quiere envío gratis')`;
    // Raw provider webhooks: two name the contact (its number; its message id), one does not.
    const [byPhone, byMessage, other] = await api.sql<{ id: string }[]>`
      insert into webhook_receipts (workspace_id, provider, body, status) values
        (${api.workspaceId}, 'whatsapp', ${JSON.stringify({ entry: [{ changes: [{ value: { contacts: [{ wa_id: '5215540002222', profile: { name: 'Lucía' } }], messages: [{ from: '5215540002222', text: { body: 'hola' } }] } }] }] })}, 'processed'),
        (${api.workspaceId}, 'twilio', 'MessageSid=SM1&MessageStatus=read&ReferenceId=WAMID.PRIVACY0001', 'processed'),
        (${api.workspaceId}, 'twilio', 'From=whatsapp%3A%2B5215599998888&Body=otra+persona', 'processed')
      returning id`;

    const exported = await api.call<Json>('GET', `/api/contacts/${contactId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain(`contact-${contactId}.json`);
    const data = exported.body;
    expect(data.contact).toMatchObject({
      id: contactId,
      phone,
      externalId: 'priv-1',
      firstName: 'Lucía',
    });
    expect(data.consentHistory).toEqual([
      expect.objectContaining({ channel: 'whatsapp', granted: true }),
    ]);
    expect(data.events).toEqual([
      expect.objectContaining({ id: 'evt-privacy-1', name: 'cart_abandoned' }),
    ]);
    expect(data.runs).toHaveLength(1);
    expect(data.runs[0]).toMatchObject({
      id: runId,
      journeyName: 'Carrito (privacidad)',
      version: 1,
    });
    expect(data.runs[0].steps.length).toBeGreaterThan(0);
    expect(data.messages[0]).toMatchObject({
      channel: 'whatsapp',
      providerMessageId: 'wamid.PRIVACY0001',
    });
    expect(data.messages[0].content).toBeTruthy();
    expect(data.inboundMessages).toEqual([
      expect.objectContaining({ text: '¿Tienen envío gratis?' }),
    ]);
    // The reply may also have taken the run to its hand-off step by now: that task is exported too.
    expect(data.handoffTasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          queue: 'ventas',
          note: 'Pregunta por envío',
          notes: [expect.objectContaining({ body: 'Vive en Puebla, quiere envío gratis' })],
        }),
      ]),
    );

    expect((await api.call('DELETE', `/api/contacts/${contactId}`)).status).toBe(204);
    for (const table of [
      'messages',
      'inbound_messages',
      'events',
      'runs',
      'handoff_tasks',
      'consent_history',
    ]) {
      const [left] =
        await api.sql`select count(*)::int as n from ${api.sql(table)} where contact_id = ${contactId}`;
      expect(left?.n, table).toBe(0);
    }
    const [notes] =
      await api.sql`select count(*)::int as n from handoff_notes where handoff_id = ${task!.id}`;
    expect(notes?.n).toBe(0);
    const [deliveries] =
      await api.sql`select count(*)::int as n from sandbox_deliveries where recipient = ${phone}`;
    expect(deliveries?.n).toBe(0);
    const receipts = await api.sql<{ id: string; body: string; erased_at: Date | null }[]>`
      select id, body, erased_at from webhook_receipts where id in ${api.sql([byPhone!.id, byMessage!.id, other!.id])}`;
    const receipt = (id: string) => receipts.find((r) => r.id === id);
    expect(receipt(byPhone!.id)).toMatchObject({ body: '', erased_at: expect.any(Date) });
    expect(receipt(byMessage!.id)).toMatchObject({ body: '', erased_at: expect.any(Date) });
    expect(receipt(other!.id)).toMatchObject({
      erased_at: null,
      body: expect.stringContaining('otra+persona'),
    });
    const replay = await api.call<Json>('POST', `/api/webhook-receipts/${byPhone!.id}/replay`);
    expect(replay.body).toMatchObject({ ok: false, error: expect.stringContaining('erased') });

    // The audit log says it happened, without naming the person.
    const log = await api.call<Json>('GET', '/api/audit?limit=5');
    const erased = log.body.items.find((e: Json) => e.action === 'contact.erased');
    expect(erased).toMatchObject({ target: { type: 'contact', id: contactId, label: null } });
    expect(erased.detail).toMatchObject({ webhookReceipts: 2 });
    expect(JSON.stringify(log.body)).not.toContain('5540002222');
    expect(JSON.stringify(log.body).toLowerCase()).not.toContain('lucia.priv');
    expect(log.body.items.some((e: Json) => e.action === 'contact.exported')).toBe(true);
  });
});
