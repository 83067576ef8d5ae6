import { startFakeSmtpServer } from '@ruta/engine/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness, TEST_PASSWORD } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

const cookieOf = (headers: Headers) => headers.get('set-cookie')?.split(';')[0] ?? '';
const tokenOf = (link: string) => link.split('/invitations/')[1] ?? '';

describe('members and invitations', () => {
  test('an owner invites an editor by email: the link is shown, the invitee sets a password, joins and is signed in', async () => {
    const owner = await api.member('owner');
    const invited = await api.call<Record<string, any>>(
      'POST',
      '/api/members/invitations',
      { email: 'Ana.Editora@Tienda.mx', role: 'editor' },
      { cookie: owner.cookie },
    );
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      id: expect.any(String),
      email: 'ana.editora@tienda.mx',
      role: 'editor',
      mail: 'no_channel',
    });
    expect(invited.body.link).toMatch(/^http:\/\/localhost\/invitations\/[\w-]{40,}$/);
    expect(new Date(invited.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const pending = await api.call<Record<string, any>>(
      'GET',
      '/api/members/invitations',
      undefined,
      {
        cookie: owner.cookie,
      },
    );
    expect(pending.body.items).toEqual([
      expect.objectContaining({ email: 'ana.editora@tienda.mx', role: 'editor' }),
    ]);
    expect(JSON.stringify(pending.body)).not.toContain(tokenOf(invited.body.link));

    const token = tokenOf(invited.body.link);
    const info = await api.call<Record<string, any>>(
      'GET',
      `/api/invitations/${token}`,
      undefined,
      {
        key: null,
      },
    );
    expect(info.body).toMatchObject({
      workspace: { name: 'Demo' },
      email: 'ana.editora@tienda.mx',
      role: 'editor',
      existingUser: false,
    });
    const tooShort = await api.call<Record<string, any>>(
      'POST',
      `/api/invitations/${token}/accept`,
      { password: 'corta' },
      { key: null },
    );
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors[0]).toMatchObject({ path: 'password' });

    const accepted = await api.call<Record<string, any>>(
      'POST',
      `/api/invitations/${token}/accept`,
      { password: 'una clave larga de Ana', name: 'Ana' },
      { key: null },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      user: { email: 'ana.editora@tienda.mx', name: 'Ana' },
      role: 'editor',
    });
    const cookie = cookieOf(accepted.headers);
    const me = await api.call<Record<string, any>>('GET', '/api/me', undefined, { cookie });
    expect(me.body.role).toBe('editor');
    expect((await api.call('POST', '/api/journeys', { name: 'De Ana' }, { cookie })).status).toBe(
      201,
    );

    const again = await api.call<Record<string, any>>(
      'POST',
      `/api/invitations/${token}/accept`,
      { password: 'una clave larga de Ana' },
      { key: null },
    );
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('invitation_used');
    expect(
      (
        await api.call('GET', '/api/invitations/not-a-real-token-0123456789', undefined, {
          key: null,
        })
      ).status,
    ).toBe(404);

    const list = await api.call<Record<string, any>>('GET', '/api/members', undefined, { cookie });
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'ana.editora@tienda.mx', role: 'editor' }),
      ]),
    );
    const login = await api.call(
      'POST',
      '/api/auth/login',
      { email: 'ana.editora@tienda.mx', password: 'una clave larga de Ana' },
      { key: null },
    );
    expect(login.status).toBe(200);
  });

  test('someone with a Ruta account joins with their own password; a wrong one is refused', async () => {
    const existing = await api.member('viewer', 'ya-tengo-cuenta@agencia.mx');
    await api.sql`delete from workspace_members where user_id = ${existing.userId}`;
    const invited = await api.call<Record<string, any>>('POST', '/api/members/invitations', {
      email: existing.email,
      role: 'admin',
    });
    const token = tokenOf(invited.body.link);
    const info = await api.call<Record<string, any>>(
      'GET',
      `/api/invitations/${token}`,
      undefined,
      { key: null },
    );
    expect(info.body.existingUser).toBe(true);
    const wrong = await api.call<Record<string, any>>(
      'POST',
      `/api/invitations/${token}/accept`,
      { password: 'no es la mía para nada' },
      { key: null },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'wrong_password', detail_es: expect.any(String) });
    const joined = await api.call<Record<string, any>>(
      'POST',
      `/api/invitations/${token}/accept`,
      { password: TEST_PASSWORD },
      { key: null },
    );
    expect(joined.status).toBe(200);
    expect(joined.body.role).toBe('admin');
  });

  test('inviting an email that is already a member is a 409; re-inviting replaces the pending link', async () => {
    const editor = await api.member('editor');
    const dup = await api.call<Record<string, any>>('POST', '/api/members/invitations', {
      email: editor.email,
      role: 'viewer',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('already_member');

    const first = await api.call<Record<string, any>>('POST', '/api/members/invitations', {
      email: 'dos-veces@tienda.mx',
      role: 'viewer',
    });
    const second = await api.call<Record<string, any>>('POST', '/api/members/invitations', {
      email: 'dos-veces@tienda.mx',
      role: 'editor',
    });
    expect(second.status).toBe(201);
    const stale = await api.call('GET', `/api/invitations/${tokenOf(first.body.link)}`, undefined, {
      key: null,
    });
    expect(stale.status).toBe(404);
    const renewed = await api.call<Record<string, any>>(
      'POST',
      `/api/members/invitations/${second.body.id}/renew`,
    );
    expect(renewed.status).toBe(200);
    expect(renewed.body.link).not.toBe(second.body.link);
    expect(
      (
        await api.call('GET', `/api/invitations/${tokenOf(second.body.link)}`, undefined, {
          key: null,
        })
      ).status,
    ).toBe(404);
    expect((await api.call('DELETE', `/api/members/invitations/${second.body.id}`)).status).toBe(
      204,
    );
    expect(
      (
        await api.call('GET', `/api/invitations/${tokenOf(renewed.body.link)}`, undefined, {
          key: null,
        })
      ).status,
    ).toBe(404);
  });

  test('an expired invitation answers 410', async () => {
    const invited = await api.call<Record<string, any>>('POST', '/api/members/invitations', {
      email: 'tarde@tienda.mx',
      role: 'viewer',
    });
    await api.sql`update invitations set expires_at = now() - interval '1 minute' where id = ${invited.body.id}`;
    const late = await api.call<Record<string, any>>(
      'POST',
      `/api/invitations/${tokenOf(invited.body.link)}/accept`,
      { password: 'una clave bastante larga' },
      { key: null },
    );
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('invitation_expired');
  });

  test('the invitation is mailed through the workspace’s email channel; a mail server that fails does not fail the invitation', async () => {
    const smtp = await startFakeSmtpServer();
    const channel = await api.call<Record<string, any>>('POST', '/api/channels', {
      provider: 'smtp',
      name: 'Correo de la tienda',
      config: {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        from: 'Tienda Sol <hola@tiendasol.mx>',
      },
    });
    expect(channel.status).toBe(201);
    try {
      const invited = await api.call<Record<string, any>>('POST', '/api/members/invitations', {
        email: 'por-correo@tienda.mx',
        role: 'viewer',
      });
      expect(invited.body.mail).toBe('sent');
      const mail = await api.eventually(async () =>
        smtp.messages.find((m) => m.envelope.to.includes('por-correo@tienda.mx')),
      );
      expect(mail.headers.subject).toContain('Invitación a Demo en Ruta');
      expect(mail.text).toContain(invited.body.link);
      expect(mail.text).toContain('como lector');
      expect(mail.html).toContain(invited.body.link);
    } finally {
      await smtp.close();
    }
    // The server is gone: the invitation is still made, and says the mail failed.
    const invited = await api.call<Record<string, any>>('POST', '/api/members/invitations', {
      email: 'sin-correo@tienda.mx',
      role: 'viewer',
    });
    expect(invited.status).toBe(201);
    expect(invited.body.mail).toBe('failed');
    expect(invited.body.link).toContain('/invitations/');
    await api.call('DELETE', `/api/channels/${channel.body.id}`);
  });
});

describe('roles and owners', () => {
  test('only an owner gives or takes away the owner role, and the last owner stays one', async () => {
    const [owner] = await api.sql<{ user_id: string }[]>`
      select user_id from workspace_members where workspace_id = ${api.workspaceId} and role = 'owner' limit 1`;
    const admin = await api.member('admin');
    const editor = await api.member('editor');
    const asAdmin = { cookie: admin.cookie };

    const promote = await api.call<Record<string, any>>(
      'PATCH',
      `/api/members/${editor.userId}`,
      { role: 'owner' },
      asAdmin,
    );
    expect(promote.status).toBe(403);
    expect(promote.body).toMatchObject({ requiredRole: 'owner', code: 'role_required' });
    const inviteOwner = await api.call<Record<string, any>>(
      'POST',
      '/api/members/invitations',
      { email: 'otro-dueno@tienda.mx', role: 'owner' },
      asAdmin,
    );
    expect(inviteOwner.status).toBe(403);
    expect(inviteOwner.body.requiredRole).toBe('owner');
    const demoteOwner = await api.call(
      'PATCH',
      `/api/members/${owner!.user_id}`,
      { role: 'viewer' },
      asAdmin,
    );
    expect(demoteOwner.status).toBe(403);
    expect(
      (await api.call('DELETE', `/api/members/${owner!.user_id}`, undefined, asAdmin)).status,
    ).toBe(403);

    // An admin manages everyone below owner.
    const toViewer = await api.call<Record<string, any>>(
      'PATCH',
      `/api/members/${editor.userId}`,
      { role: 'viewer' },
      asAdmin,
    );
    expect(toViewer.status).toBe(200);
    expect(toViewer.body.role).toBe('viewer');

    // Every owner of the workspace but one steps down; the last cannot.
    const owners = await api.sql<{ user_id: string }[]>`
      select user_id from workspace_members where workspace_id = ${api.workspaceId} and role = 'owner'`;
    const last = owners.at(-1)!.user_id;
    const asLast = { cookie: await api.sessionCookie(last) };
    for (const { user_id } of owners.slice(0, -1))
      expect(
        (await api.call('PATCH', `/api/members/${user_id}`, { role: 'admin' }, asLast)).status,
      ).toBe(200);
    const lastDemote = await api.call<Record<string, any>>(
      'PATCH',
      `/api/members/${last}`,
      { role: 'admin' },
      asLast,
    );
    expect(lastDemote.status).toBe(409);
    expect(lastDemote.body).toMatchObject({
      code: 'last_owner',
      detail_es: expect.stringContaining('propietario'),
    });
    expect(
      (await api.call<Record<string, any>>('DELETE', `/api/members/${last}`, undefined, asLast))
        .status,
    ).toBe(409);

    // Ownership passes: make someone else owner, then step down.
    expect(
      (await api.call('PATCH', `/api/members/${admin.userId}`, { role: 'owner' }, asLast)).status,
    ).toBe(200);
    expect(
      (await api.call('PATCH', `/api/members/${last}`, { role: 'admin' }, asLast)).status,
    ).toBe(200);
    const roles = await api.sql<{ role: string }[]>`
      select role from workspace_members where workspace_id = ${api.workspaceId} and role = 'owner'`;
    expect(roles).toHaveLength(1);
    // The database itself keeps an owner, whatever path a change takes.
    await expect(
      api.sql`update workspace_members set role = 'viewer' where workspace_id = ${api.workspaceId}`,
    ).rejects.toThrow(/no owner/);
  });

  test('a removed member is out at once; a role change and a password change end sessions too', async () => {
    const editor = await api.member('editor');
    const second = await api.sessionCookie(editor.userId);
    expect(
      (await api.call('GET', '/api/journeys', undefined, { cookie: editor.cookie })).status,
    ).toBe(200);

    // Role change: every session of the member in the workspace ends; signing in again shows the new role.
    expect(
      (await api.call('PATCH', `/api/members/${editor.userId}`, { role: 'viewer' })).status,
    ).toBe(200);
    expect(
      (await api.call('GET', '/api/journeys', undefined, { cookie: editor.cookie })).status,
    ).toBe(401);
    expect((await api.call('GET', '/api/journeys', undefined, { cookie: second })).status).toBe(
      401,
    );
    const login = await api.call<Record<string, any>>(
      'POST',
      '/api/auth/login',
      { email: editor.email, password: TEST_PASSWORD },
      { key: null },
    );
    expect(login.body.role).toBe('viewer');
    const viewerCookie = cookieOf(login.headers);

    // Removal: out at once, and signing in no longer reaches the workspace.
    expect((await api.call('DELETE', `/api/members/${editor.userId}`)).status).toBe(204);
    expect((await api.call('GET', '/api/me', undefined, { cookie: viewerCookie })).status).toBe(
      401,
    );
    const after = await api.call<Record<string, any>>(
      'POST',
      '/api/auth/login',
      { email: editor.email, password: TEST_PASSWORD },
      { key: null },
    );
    expect(after.status).toBe(403);
    expect(after.body.code).toBe('no_workspace');
  });

  test('a session of a member removed behind the API’s back (SQL) stops working too', async () => {
    const viewer = await api.member('viewer');
    await api.sql`delete from workspace_members where user_id = ${viewer.userId}`;
    expect((await api.call('GET', '/api/me', undefined, { cookie: viewer.cookie })).status).toBe(
      401,
    );
  });

  test('log out on every device ends all of a member’s sessions; a password change ends the others and keeps this device in', async () => {
    const admin = await api.member('admin');
    const phone = await api.sessionCookie(admin.userId);
    const out = await api.call('POST', '/api/auth/logout-everywhere', undefined, {
      cookie: admin.cookie,
    });
    expect(out.status).toBe(204);
    expect((await api.call('GET', '/api/me', undefined, { cookie: phone })).status).toBe(401);
    expect((await api.call('GET', '/api/me', undefined, { cookie: admin.cookie })).status).toBe(
      401,
    );
    const withKey = await api.call<Record<string, any>>('POST', '/api/auth/logout-everywhere');
    expect(withKey.status).toBe(400);
    expect(withKey.body.code).toBe('session_required');

    const laptop = await api.sessionCookie(admin.userId);
    const tablet = await api.sessionCookie(admin.userId);
    const wrong = await api.call<Record<string, any>>(
      'POST',
      '/api/auth/password',
      { currentPassword: 'no es esta', newPassword: 'la nueva clave segura' },
      { cookie: laptop },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('currentPassword');
    const changed = await api.call(
      'POST',
      '/api/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'la nueva clave segura' },
      { cookie: laptop },
    );
    expect(changed.status).toBe(204);
    expect((await api.call('GET', '/api/me', undefined, { cookie: tablet })).status).toBe(401);
    expect((await api.call('GET', '/api/me', undefined, { cookie: laptop })).status).toBe(401);
    const fresh = cookieOf(changed.headers);
    expect((await api.call('GET', '/api/me', undefined, { cookie: fresh })).status).toBe(200);
    const oldPassword = await api.call(
      'POST',
      '/api/auth/login',
      { email: admin.email, password: TEST_PASSWORD },
      { key: null },
    );
    expect(oldPassword.status).toBe(401);
  });
});
