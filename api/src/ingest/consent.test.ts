import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

/**
 * An opt-out the customer made is not undone by a machine: the shop's integration sending
 * `consent: { whatsapp: true }` with every event, or an old CSV re-imported, leaves a STOP/BAJA
 * in place. A person changing the contact on purpose (the contacts API) still can.
 */
type Json = Record<string, any>;
let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

const consentOf = async (contactId: string) =>
  (await api.sql<{ consent: Json }[]>`select consent from contacts where id = ${contactId}`)[0]
    ?.consent ?? {};

async function importCsv(text: string) {
  const res = await api.app.request('/api/contacts/import', {
    method: 'POST',
    headers: { authorization: `Bearer ${api.apiKey}`, 'content-type': 'text/csv' },
    body: text,
  });
  const { importId } = (await res.json()) as Json;
  await api.eventually(async () => {
    const status = await api.call<Json>('GET', `/api/contacts/imports/${importId}`);
    return status.body.status === 'completed';
  });
}

describe('consent the customer withdrew', () => {
  test('stays withdrawn when an event or an import says granted; the contacts API may grant it again', async () => {
    const phone = '+5215599990001';
    const first = await api.call<Json>('POST', '/api/events', {
      id: 'consent-1',
      name: 'page_viewed',
      contact: { externalId: 'rocio', phone, consent: { whatsapp: true, sms: true } },
    });
    const contactId = first.body.results[0].contactId as string;
    await api.call('POST', '/api/sandbox/inbound', {
      contactId,
      channel: 'whatsapp',
      text: 'BAJA',
    });
    expect((await consentOf(contactId)).whatsapp).toMatchObject({
      granted: false,
      source: 'reply',
    });

    await api.call('POST', '/api/events', {
      id: 'consent-2',
      name: 'page_viewed',
      contact: { externalId: 'rocio', consent: { whatsapp: true, email: true } },
    });
    await importCsv(`external_id,phone,consent_whatsapp\nrocio,${phone},sí\n`);
    const after = await consentOf(contactId);
    expect(after.whatsapp).toMatchObject({ granted: false, source: 'reply' });
    // What the customer never refused is still taken from the event.
    expect(after.email).toMatchObject({ granted: true, source: 'event' });

    const patched = await api.call<Json>('PATCH', `/api/contacts/${contactId}`, {
      consent: { whatsapp: true },
    });
    expect(patched.status).toBe(200);
    expect((await consentOf(contactId)).whatsapp).toMatchObject({ granted: true, source: 'api' });
  });
});
