import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanUp } from '../housekeeping';
import { type ApiHarness, startApiHarness, TEST_PASSWORD } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;
const FROM = {
  'x-forwarded-for': '203.0.113.7',
  'user-agent': 'Mozilla/5.0 (Macintosh) Chrome/126',
};

async function entries(limit = 200): Promise<Json[]> {
  return (await api.call<Json>('GET', `/api/audit?limit=${limit}`)).body.items;
}

describe('audit log', () => {
  test('records who did what, when and from where — sign-ins, members, keys, channels, journeys, contacts', async () => {
    const owner = await api.member('owner');
    const as = { cookie: owner.cookie, headers: FROM };

    // Sign-in: a failure and a success.
    await api.call(
      'POST',
      '/api/auth/login',
      { email: owner.email, password: 'no' },
      { key: null, headers: FROM },
    );
    await api.call(
      'POST',
      '/api/auth/login',
      { email: owner.email, password: TEST_PASSWORD },
      { key: null, headers: FROM },
    );
    // Members and keys.
    const invited = await api.call<Json>(
      'POST',
      '/api/members/invitations',
      { email: 'nuevo@agencia.mx', role: 'editor' },
      as,
    );
    const token = invited.body.link.split('/invitations/')[1];
    const joined = await api.call<Json>(
      'POST',
      `/api/invitations/${token}/accept`,
      { password: 'la clave del nuevo', name: 'Nuevo' },
      { key: null, headers: FROM },
    );
    const newcomer = joined.body.user.id as string;
    await api.call('PATCH', `/api/members/${newcomer}`, { role: 'viewer' }, as);
    await api.call('DELETE', `/api/members/${newcomer}`, undefined, as);
    const key = await api.call<Json>(
      'POST',
      '/api/api-keys',
      { name: 'Zapier', scope: 'ingest' },
      as,
    );
    await api.call('DELETE', `/api/api-keys/${key.body.id}`, undefined, as);
    // Channels.
    const channel = await api.call<Json>(
      'POST',
      '/api/channels',
      { provider: 'sandbox', name: 'Pruebas', config: {} },
      as,
    );
    await api.call('PATCH', `/api/channels/${channel.body.id}`, { name: 'Pruebas 2' }, as);
    await api.call('DELETE', `/api/channels/${channel.body.id}`, undefined, as);
    // A journey's life.
    const journey = await api.call<Json>(
      'POST',
      '/api/journeys',
      { name: 'Reactivación', templateId: 'reactivation' },
      as,
    );
    const jid = journey.body.id;
    for (const step of ['publish', 'activate', 'pause', 'resume', 'stop', 'archive'])
      expect(
        (
          await api.call(
            'POST',
            `/api/journeys/${jid}/${step}`,
            step === 'activate' ? {} : undefined,
            as,
          )
        ).status,
      ).toBeLessThan(300);
    // A contact exported and erased, by the workspace API key.
    const contact = await api.call<Json>('POST', '/api/contacts', { phone: '+5215560003333' });
    await api.call('GET', `/api/contacts/${contact.body.id}/export`);
    await api.call('DELETE', `/api/contacts/${contact.body.id}`);

    const log = await entries();
    const actions = log.map((e) => e.action);
    expect(actions.slice(0, 17)).toEqual([
      'contact.erased',
      'contact.exported',
      'journey.archived',
      'journey.stopped',
      'journey.resumed',
      'journey.paused',
      'journey.activated',
      'journey.published',
      'channel.deleted',
      'channel.updated',
      'channel.created',
      'api_key.revoked',
      'api_key.created',
      'member.removed',
      'member.role_changed',
      'member.joined',
      'member.invited',
    ]);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));

    const byType = (action: string) => log.find((e) => e.action === action) as Json;
    expect(byType('auth.login_failed')).toMatchObject({
      actor: { type: 'user', label: owner.email },
      ip: '203.0.113.7',
      userAgent: FROM['user-agent'],
      detail: { reason: 'wrong_password' },
    });
    expect(byType('member.role_changed')).toMatchObject({
      actor: { type: 'user', id: owner.userId, label: owner.email },
      target: { type: 'member', id: newcomer, label: 'nuevo@agencia.mx' },
      detail: { from: 'editor', to: 'viewer' },
      ip: '203.0.113.7',
    });
    expect(byType('member.joined')).toMatchObject({
      actor: { id: newcomer },
      detail: { role: 'editor' },
    });
    expect(byType('api_key.created')).toMatchObject({
      target: { label: 'Zapier' },
      detail: { scope: 'ingest' },
    });
    expect(byType('channel.updated').detail).toMatchObject({ renamedFrom: 'Pruebas' });
    expect(byType('journey.paused')).toMatchObject({ target: { id: jid, label: 'Reactivación' } });
    expect(byType('contact.exported')).toMatchObject({
      actor: { type: 'api_key', label: 'Demo key' },
    });
    expect(new Date(byType('contact.erased').at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  test('pages newest first with `before`; only admins and owners read it', async () => {
    const first = await api.call<Json>('GET', '/api/audit?limit=3');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextBefore).toBe(first.body.items[2].id);
    const second = await api.call<Json>(
      'GET',
      `/api/audit?limit=3&before=${first.body.nextBefore}`,
    );
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[2].id));
    const all = await entries();
    const last = await api.call<Json>('GET', `/api/audit?limit=200&before=${all.at(-1)?.id}`);
    expect(last.body).toEqual({ items: [], nextBefore: null });
    expect((await api.call('GET', '/api/audit?limit=5000')).status).toBe(400);
    expect((await api.call('GET', '/api/audit?before=yesterday')).status).toBe(400);

    const editor = await api.member('editor');
    const refused = await api.call<Json>('GET', '/api/audit', undefined, { cookie: editor.cookie });
    expect(refused.status).toBe(403);
    expect(refused.body.requiredRole).toBe('admin');
  });

  test('keeps entries 365 days', async () => {
    await api.sql`
      insert into audit_log (workspace_id, action, at) values
        (${api.workspaceId}, 'auth.login', now() - interval '366 days'),
        (${api.workspaceId}, 'auth.logout_everywhere', now() - interval '364 days')`;
    const deleted = await cleanUp(api.sql);
    expect(deleted.auditEntries).toBe(1);
    const [oldest] = await api.sql<{ age: number }[]>`
      select extract(day from now() - min(at))::int as age from audit_log where workspace_id = ${api.workspaceId}`;
    expect(oldest?.age).toBe(364);
  });
});
