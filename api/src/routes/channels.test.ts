import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

const whatsapp = {
  provider: 'whatsapp',
  name: 'WhatsApp Tienda Sol',
  config: {
    phoneNumberId: '106540352242922',
    businessAccountId: '102290129340398',
    accessToken: 'EAAG-secret-access-token-123',
    appSecret: 'app-secret-abcdef',
    verifyToken: 'verify-token-xyz',
  },
};

describe('channels: provider accounts with write-only secrets', () => {
  test('created channels list what they carry and which secrets are saved, never the secrets', async () => {
    const created = await api.call<Json>('POST', '/api/channels', whatsapp);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provider: 'whatsapp',
      name: 'WhatsApp Tienda Sol',
      carries: ['whatsapp'],
      secretsSet: ['accessToken', 'appSecret'],
      config: {
        phoneNumberId: '106540352242922',
        businessAccountId: '102290129340398',
        verifyToken: 'verify-token-xyz',
      },
      webhookUrl: `http://localhost/webhooks/whatsapp/${created.body.id}`,
    });
    const listed = await api.call<Json>('GET', '/api/channels');
    const text = JSON.stringify(listed.body);
    for (const secret of ['EAAG-secret', 'app-secret-abcdef']) expect(text).not.toContain(secret);
    const [row] = await api.sql<{ config: unknown; secrets: string }[]>`
      select config, secrets from channels where id = ${created.body.id}`;
    expect(JSON.stringify(row)).not.toContain('EAAG-secret');
    expect(api.secrets.decrypt(row?.secrets ?? '')).toEqual({
      accessToken: 'EAAG-secret-access-token-123',
      appSecret: 'app-secret-abcdef',
    });
  });

  test('an edit without secrets keeps them; a typed secret replaces it; config is revalidated', async () => {
    const created = await api.call<Json>('POST', '/api/channels', {
      provider: 'twilio',
      name: 'SMS',
      config: {
        accountSid: `AC${'a'.repeat(32)}`,
        authToken: 'twilio-auth-token-0001',
        from: '+5215550001111',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.carries).toEqual(['sms']);
    const id = created.body.id;
    const renamed = await api.call<Json>('PATCH', `/api/channels/${id}`, {
      name: 'SMS México',
      config: { from: 'whatsapp:+5215550001111', authToken: '' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'SMS México', carries: ['whatsapp'] });
    const [kept] = await api.sql<
      { secrets: string }[]
    >`select secrets from channels where id = ${id}`;
    expect(api.secrets.decrypt(kept?.secrets ?? '')).toEqual({
      authToken: 'twilio-auth-token-0001',
    });

    await api.call('PATCH', `/api/channels/${id}`, {
      config: { authToken: 'twilio-auth-token-0002' },
    });
    const [changed] = await api.sql<
      { secrets: string }[]
    >`select secrets from channels where id = ${id}`;
    expect(api.secrets.decrypt(changed?.secrets ?? '')).toEqual({
      authToken: 'twilio-auth-token-0002',
    });

    const cleared = await api.call<Json>('PATCH', `/api/channels/${id}`, {
      config: { apiBaseUrl: 'https://twilio.internal.example', from: '+5215550001111' },
    });
    expect(cleared.body.config.apiBaseUrl).toBe('https://twilio.internal.example');
    const reset = await api.call<Json>('PATCH', `/api/channels/${id}`, {
      config: { apiBaseUrl: null },
    });
    expect(reset.body.config).not.toHaveProperty('apiBaseUrl');
    const required = await api.call<Json>('PATCH', `/api/channels/${id}`, {
      config: { from: null },
    });
    expect(required.status).toBe(400);
    expect(required.body.errors).toEqual([expect.objectContaining({ path: 'config.from' })]);

    const bad = await api.call<Json>('PATCH', `/api/channels/${id}`, { config: { from: 'nope!' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'config.from' })]);
  });

  test('bad input names the field; unknown ids are 404; delete hands the channel back to the sandbox', async () => {
    const bad = await api.call<Json>('POST', '/api/channels', {
      provider: 'smtp',
      name: 'Correo',
      config: { host: 'smtp.example.com', port: 70000, secure: false, from: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.path)).toEqual(
      expect.arrayContaining(['config.port', 'config.from']),
    );
    const unknownProvider = await api.call<Json>('POST', '/api/channels', {
      provider: 'telegram',
      name: 'x',
      config: {},
    });
    expect(unknownProvider.status).toBe(400);

    const smtp = await api.call<Json>('POST', '/api/channels', {
      provider: 'smtp',
      name: 'Correo',
      config: {
        host: 'smtp.example.com',
        port: 587,
        secure: false,
        user: 'hola',
        password: 'smtp-password-1',
        from: 'Tienda <hola@tienda.mx>',
      },
    });
    expect(smtp.status).toBe(201);
    expect(smtp.body).toMatchObject({
      carries: ['email'],
      secretsSet: ['password'],
      webhookUrl: null,
    });
    expect((await api.call('DELETE', `/api/channels/${smtp.body.id}`)).status).toBe(204);
    expect((await api.call('GET', `/api/channels/${smtp.body.id}`)).status).toBe(404);
    expect((await api.call('DELETE', `/api/channels/${smtp.body.id}`)).status).toBe(404);
  });

  test('template sync needs a WhatsApp channel with a business account id', async () => {
    const sms = (await api.call<Json>('GET', '/api/channels')).body.items.find(
      (c: Json) => c.provider === 'twilio',
    );
    const refused = await api.call<Json>('POST', `/api/channels/${sms.id}/templates/sync`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('only WhatsApp has templates');
  });
});
