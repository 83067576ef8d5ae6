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
    const owner = { workspaceId: api.workspaceId, channelId: created.body.id };
    expect(api.secrets.decrypt(row?.secrets ?? '', owner)).toEqual({
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
    const owner = { workspaceId: api.workspaceId, channelId: id };
    expect(api.secrets.decrypt(kept?.secrets ?? '', owner)).toEqual({
      authToken: 'twilio-auth-token-0001',
    });

    await api.call('PATCH', `/api/channels/${id}`, {
      config: { authToken: 'twilio-auth-token-0002' },
    });
    const [changed] = await api.sql<
      { secrets: string }[]
    >`select secrets from channels where id = ${id}`;
    expect(api.secrets.decrypt(changed?.secrets ?? '', owner)).toEqual({
      authToken: 'twilio-auth-token-0002',
    });

    const required = await api.call<Json>('PATCH', `/api/channels/${id}`, {
      config: { from: null },
    });
    expect(required.status).toBe(400);
    expect(required.body.errors).toEqual([expect.objectContaining({ path: 'config.from' })]);

    const bad = await api.call<Json>('PATCH', `/api/channels/${id}`, { config: { from: 'nope!' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'config.from' })]);
  });

  test('where Ruta connects is a server setting: apiBaseUrl is refused on create and on change, naming the variable', async () => {
    const created = await api.call<Json>('POST', '/api/channels', {
      provider: 'twilio',
      name: 'SMS',
      config: {
        accountSid: `AC${'b'.repeat(32)}`,
        authToken: 'twilio-auth-token-0003',
        from: '+5215550002222',
        apiBaseUrl: 'http://169.254.169.254/latest',
      },
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      expect.objectContaining({
        path: 'config.apiBaseUrl',
        code: 'server_setting',
        message: expect.stringContaining('RUTA_TWILIO_API_URL'),
        message_es: expect.stringContaining('RUTA_TWILIO_API_URL'),
      }),
    ]);
    const whatsapp = await api.call<Json>('POST', '/api/channels', {
      provider: 'whatsapp',
      name: 'WhatsApp',
      config: {
        phoneNumberId: '106540352242922',
        accessToken: 'EAAG-test-access-token-0003',
        appSecret: 'meta-app-secret-0003',
        verifyToken: 'ruta-verify-token-0003',
        apiBaseUrl: 'http://127.0.0.1:5432',
      },
    });
    expect(whatsapp.status).toBe(400);
    expect(whatsapp.body.errors[0]).toMatchObject({
      path: 'config.apiBaseUrl',
      code: 'server_setting',
    });

    const ok = await api.call<Json>('POST', '/api/channels', {
      provider: 'twilio',
      name: 'SMS',
      config: {
        accountSid: `AC${'b'.repeat(32)}`,
        authToken: 'twilio-auth-token-0003',
        from: '+5215550002222',
      },
    });
    expect(ok.status).toBe(201);
    const changed = await api.call<Json>('PATCH', `/api/channels/${ok.body.id}`, {
      config: { apiBaseUrl: 'https://twilio.internal.example' },
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors[0]).toMatchObject({
      path: 'config.apiBaseUrl',
      code: 'server_setting',
    });
    // null (what an old editor sends to clear the field) is harmless: nothing is stored.
    const cleared = await api.call<Json>('PATCH', `/api/channels/${ok.body.id}`, {
      config: { apiBaseUrl: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.config).not.toHaveProperty('apiBaseUrl');
    await api.call('DELETE', `/api/channels/${ok.body.id}`);
  });

  test('a saved SMTP password goes only to the server it was typed for: a new host or port needs it again', async () => {
    const created = await api.call<Json>('POST', '/api/channels', {
      provider: 'smtp',
      name: 'Correo',
      config: {
        host: 'smtp.tiendasol.mx',
        port: 587,
        secure: false,
        user: 'hola@tiendasol.mx',
        password: 'smtp-password-0001',
        from: 'Tienda Sol <hola@tiendasol.mx>',
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (const config of [
      { host: 'attacker.example' },
      { port: 2525 },
      { host: 'smtp.otro.mx', password: '' },
    ]) {
      const moved = await api.call<Json>('PATCH', `/api/channels/${id}`, { config });
      expect(moved.status, JSON.stringify(config)).toBe(400);
      expect(moved.body.errors).toEqual([
        expect.objectContaining({
          path: 'config.password',
          code: 'password_required',
          message_es: expect.stringContaining('contraseña'),
        }),
      ]);
    }
    const [kept] = await api.sql<{ config: Json }[]>`select config from channels where id = ${id}`;
    expect(kept?.config.host).toBe('smtp.tiendasol.mx');

    const renamed = await api.call<Json>('PATCH', `/api/channels/${id}`, {
      name: 'Correo Tienda',
      config: { from: 'Tienda Sol <ventas@tiendasol.mx>' },
    });
    expect(renamed.status).toBe(200);
    const retyped = await api.call<Json>('PATCH', `/api/channels/${id}`, {
      config: { host: 'smtp.otro.mx', port: 465, secure: true, password: 'smtp-password-0002' },
    });
    expect(retyped.status).toBe(200);
    expect(retyped.body.config).toMatchObject({ host: 'smtp.otro.mx', port: 465 });
    await api.call('DELETE', `/api/channels/${id}`);
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

  test('secrets copied from one channel to another do not open there; typing them again repairs it', async () => {
    const source = await api.call<Json>('POST', '/api/channels', whatsapp);
    const target = await api.call<Json>('POST', '/api/channels', {
      ...whatsapp,
      name: 'Otra cuenta',
      config: {
        ...whatsapp.config,
        accessToken: 'EAAG-other-token-000000',
        appSecret: 'other-secret-00',
      },
    });
    await api.sql`
      update channels set secrets = (select secrets from channels where id = ${source.body.id})
      where id = ${target.body.id}`;
    const sync = await api.call<Json>('POST', `/api/channels/${target.body.id}/templates/sync`);
    expect(sync.status).toBe(409);
    expect(sync.body.errors.map((e: Json) => e.path)).toEqual([
      'config.accessToken',
      'config.appSecret',
    ]);
    expect(sync.body.errors[0].code).toBe('secret_unreadable');
    // A change without the secrets cannot keep what does not open: the secrets are asked for.
    const rename = await api.call<Json>('PATCH', `/api/channels/${target.body.id}`, {
      config: { verifyToken: 'verify-token-new' },
    });
    expect(rename.status).toBe(400);
    expect(rename.body.errors.map((e: Json) => e.path)).toEqual(
      expect.arrayContaining(['config.accessToken', 'config.appSecret']),
    );
    const repaired = await api.call<Json>('PATCH', `/api/channels/${target.body.id}`, {
      config: { accessToken: 'EAAG-other-token-000001', appSecret: 'other-secret-01' },
    });
    expect(repaired.status).toBe(200);
    for (const id of [source.body.id, target.body.id])
      await api.call('DELETE', `/api/channels/${id}`);
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
