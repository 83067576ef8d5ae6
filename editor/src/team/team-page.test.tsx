import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { Me } from '../api/models';
import { type Routes, renderWithQueries, setupApiTests, stubApi } from '../channels/test-api';
import type { ApiKey, AuditEntry, Member } from './api';
import TeamPage from './team-page';

setupApiTests();

const OWNER: Member = {
  userId: 'u-owner',
  email: 'dueña@tiendasol.mx',
  name: 'Sol',
  role: 'owner',
  joinedAt: '2025-05-01T12:00:00Z',
};
const EDITOR: Member = {
  userId: 'u-editor',
  email: 'ana@agencia.mx',
  name: 'Ana',
  role: 'editor',
  joinedAt: '2025-06-01T12:00:00Z',
};

const me = (member: Member): Me => ({
  user: { id: member.userId, email: member.email, name: member.name, locale: 'es' },
  workspace: { id: 'w1', name: 'Tienda Sol' },
  role: member.role,
});

function team(more: Routes = {}): Routes {
  return {
    'GET /members': () => [200, { items: [OWNER, EDITOR] }],
    'GET /members/invitations': () => [200, { items: [] }],
    'GET /api-keys': () => [200, { items: [] }],
    'GET /audit?limit=30': () => [200, { items: [], nextBefore: null }],
    ...more,
  };
}

describe('Equipo y acceso', () => {
  test('an owner invites someone: the link is shown to copy, and says whether it was mailed', async () => {
    const calls = stubApi(
      team({
        'POST /members/invitations': () => [
          201,
          {
            id: 'inv-1',
            link: 'https://ruta.tiendasol.mx/invitations/tok_abcdefghijklmnopqrstuvwxyz',
            expiresAt: '2025-07-08T12:00:00Z',
            email: 'luis@agencia.mx',
            role: 'viewer',
            mail: 'no_channel',
          },
        ],
      }),
    );
    renderWithQueries(<TeamPage me={me(OWNER)} />);
    fireEvent.click(await screen.findByRole('button', { name: /Invitar/ }));
    const dialog = screen.getByRole('dialog', { name: 'Invitar al equipo' });
    // An owner may give every role, each explained.
    for (const label of ['Propietario', 'Administrador', 'Editor', 'Lector'])
      expect(within(dialog).getByText(label)).toBeTruthy();
    expect(within(dialog).getByText('Solo ver: no cambia nada.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Correo'), {
      target: { value: 'luis@agencia.mx' },
    });
    fireEvent.click(within(dialog).getByLabelText(/Lector/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Crear invitación' }));

    const link = (await within(dialog).findByLabelText('Enlace de invitación')) as HTMLInputElement;
    expect(link.value).toBe('https://ruta.tiendasol.mx/invitations/tok_abcdefghijklmnopqrstuvwxyz');
    expect(within(dialog).getByRole('button', { name: 'Copiar' })).toBeTruthy();
    expect(
      within(dialog).getByText(
        'No hay un canal de correo (SMTP) configurado: comparte tú el enlace.',
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      email: 'luis@agencia.mx',
      role: 'viewer',
    });
  });

  test('an admin changes a role from the list; the owner row stays out of their reach', async () => {
    const admin: Member = {
      ...EDITOR,
      userId: 'u-admin',
      email: 'admin@tiendasol.mx',
      role: 'admin',
    };
    const calls = stubApi(
      team({
        'GET /members': () => [200, { items: [OWNER, admin, EDITOR] }],
        'PATCH /members/u-editor': () => [200, { ...EDITOR, role: 'viewer' }],
      }),
    );
    renderWithQueries(<TeamPage me={me(admin)} />, { role: 'admin' });
    const select = (await screen.findByLabelText('Rol de ana@agencia.mx')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual([
      'Lector',
      'Agente',
      'Editor',
      'Administrador',
    ]);
    expect(screen.queryByLabelText(`Rol de ${OWNER.email}`)).toBeNull();
    expect(
      within(screen.getByTestId(`member-${OWNER.email}`)).getByText('Propietario'),
    ).toBeTruthy();

    fireEvent.change(select, { target: { value: 'viewer' } });
    expect(
      await screen.findByText(
        'Listo: ana@agencia.mx ahora es Lector y debe volver a iniciar sesión.',
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ role: 'viewer' });
  });

  test('a viewer sees the team but nothing to change it with, and no role code on the page', async () => {
    const viewer: Member = { ...EDITOR, role: 'viewer' };
    const calls = stubApi(team({ 'GET /members': () => [200, { items: [OWNER, viewer] }] }));
    renderWithQueries(<TeamPage me={me(viewer)} />, { role: 'viewer' });
    await screen.findByTestId(`member-${OWNER.email}`);
    expect(screen.getByTestId('team-read-only').textContent).toContain('Tu rol es Lector');
    expect(screen.queryByRole('button', { name: /Invitar/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Quitar' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByText('Claves de API')).toBeNull();
    expect(screen.queryByText('Registro de actividad')).toBeNull();
    // Their own account is theirs to manage.
    expect(
      screen.getByRole('button', { name: 'Cerrar sesión en todos los dispositivos' }),
    ).toBeTruthy();
    const text = document.body.textContent ?? '';
    for (const code of ['viewer', 'owner', 'editor']) expect(text).not.toContain(code);
    expect(calls.map((c) => c.path)).not.toContain('/api-keys');
    expect(calls.map((c) => c.path)).not.toContain('/members/invitations');
  });

  test('a new API key is shown once; revoking one asks first', async () => {
    let keys: ApiKey[] = [
      {
        id: 'k1',
        name: 'Tienda Shopify',
        prefix: 'ruta_AbCd',
        scope: 'ingest',
        createdAt: '2025-06-01T12:00:00Z',
        createdBy: { id: 'u-owner', email: OWNER.email },
        lastUsedAt: null,
        revokedAt: null,
      },
    ];
    const calls = stubApi(
      team({
        'GET /api-keys': () => [200, { items: keys }],
        'POST /api-keys': () => [
          201,
          {
            id: 'k2',
            key: 'ruta_secretkeyvalue0123456789abcdef',
            name: 'CRM',
            prefix: 'ruta_secr',
            scope: 'full',
          },
        ],
        'DELETE /api-keys/k1': () => {
          keys = [{ ...keys[0]!, revokedAt: '2025-06-02T12:00:00Z' }];
          return [204];
        },
      }),
    );
    renderWithQueries(<TeamPage me={me(OWNER)} />);
    const row = await screen.findByTestId('api-key-Tienda Shopify');
    expect(within(row).getByText('Solo datos (eventos y contactos)')).toBeTruthy();
    expect(within(row).getByText('Nunca')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Crear clave/ }));
    const dialog = screen.getByRole('dialog', { name: 'Nueva clave de API' });
    fireEvent.change(within(dialog).getByLabelText('Nombre'), { target: { value: 'CRM' } });
    fireEvent.click(within(dialog).getByLabelText('Completa (como administrador)'));
    fireEvent.click(within(dialog).getByRole('button', { name: /Crear clave/ }));
    const shown = await screen.findByRole('dialog', { name: 'Tu nueva clave' });
    expect((within(shown).getByLabelText('CRM') as HTMLInputElement).value).toBe(
      'ruta_secretkeyvalue0123456789abcdef',
    );
    expect(within(shown).getByText('Cópiala ahora: no se vuelve a mostrar.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'CRM', scope: 'full' });
    fireEvent.click(within(shown).getByRole('button', { name: 'Listo' }));

    fireEvent.click(within(row).getByRole('button', { name: 'Revocar' }));
    const confirm = screen.getByRole('dialog', { name: '¿Revocar «Tienda Shopify»?' });
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Revocar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      await within(screen.getByTestId('api-key-Tienda Shopify')).findByText('Revocada'),
    ).toBeTruthy();
  });

  test('the audit log reads in words, names keys and roles, and loads older entries', async () => {
    const entry = (id: string, over: Partial<AuditEntry>): AuditEntry => ({
      id,
      at: '2025-06-03T17:30:00Z',
      action: 'auth.login',
      actor: { type: 'user', id: 'u-owner', label: OWNER.email },
      target: null,
      detail: {},
      ip: '203.0.113.7',
      userAgent: 'Chrome',
      ...over,
    });
    const calls = stubApi(
      team({
        'GET /audit?limit=30': () => [
          200,
          {
            items: [
              entry('9', {
                action: 'member.role_changed',
                target: { type: 'member', id: 'u-editor', label: EDITOR.email },
                detail: { from: 'editor', to: 'viewer' },
              }),
              entry('8', {
                action: 'contact.exported',
                actor: { type: 'api_key', id: 'k1', label: 'Zapier' },
                target: { type: 'contact', id: 'c1', label: null },
              }),
            ],
            nextBefore: '8',
          },
        ],
        'GET /audit?limit=30&before=8': () => [
          200,
          {
            items: [
              entry('7', {
                action: 'journey.paused',
                target: { type: 'journey', id: 'j1', label: 'Carrito' },
              }),
            ],
            nextBefore: null,
          },
        ],
      }),
    );
    renderWithQueries(<TeamPage me={me(OWNER)} />);
    const log = await screen.findByTestId('audit-log');
    await within(log).findByText('Cambió un rol');
    expect(within(log).getByText('ana@agencia.mx · Editor → Lector')).toBeTruthy();
    expect(within(log).getByText('Clave «Zapier»')).toBeTruthy();
    expect(within(log).getByText('Exportó los datos de un contacto')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cargar más' }));
    expect(await within(log).findByText('Pausó un flujo')).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/audit?limit=30&before=8');
    expect(screen.queryByRole('button', { name: 'Cargar más' })).toBeNull();
    expect(log.textContent).not.toMatch(/member\.|contact\.|journey\./);
  });
});

describe('Moneda y precios por mensaje', () => {
  const prices = {
    currency: 'USD',
    whatsapp: { marketing: 0.0436, utility: 0.02, authentication: 0.0239, service: 0 },
    sms: 0.0497,
    email: 0.0009,
    rcs: 0.01,
  };
  const workspace = { id: 'w1', name: 'Tienda Sol', prices, createdAt: '2025-05-01T12:00:00Z' };

  test('the owner sets the currency and a price; the whole price list is saved', async () => {
    const calls = stubApi(
      team({
        'GET /workspace': () => [200, workspace],
        'PUT /workspace/prices': (body) => [200, { ...workspace, prices: body }],
      }),
    );
    renderWithQueries(<TeamPage me={me(OWNER)} />);
    const section = await screen.findByTestId('prices');
    fireEvent.change(within(section).getByLabelText('Moneda'), { target: { value: 'MXN' } });
    fireEvent.change(within(section).getByLabelText('Marketing'), { target: { value: '0.85' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Guardar precios' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      ...prices,
      currency: 'MXN',
      whatsapp: { ...prices.whatsapp, marketing: 0.85 },
    });
  });

  test('the owner starts from Meta’s published rates for a market, then saves', async () => {
    const calls = stubApi(
      team({
        'GET /workspace': () => [200, workspace],
        'PUT /workspace/prices': (body) => [200, { ...workspace, prices: body }],
      }),
    );
    renderWithQueries(<TeamPage me={me(OWNER)} />);
    const section = await screen.findByTestId('prices');
    fireEvent.change(within(section).getByLabelText('Clientes en'), { target: { value: 'CO' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Usar tarifas de Meta' }));
    expect((within(section).getByLabelText('Marketing') as HTMLInputElement).value).toBe('0.0125');
    fireEvent.click(within(section).getByRole('button', { name: 'Guardar precios' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      ...prices,
      whatsapp: { marketing: 0.0125, utility: 0.0008, authentication: 0.0008, service: 0 },
    });
  });

  test('Meta’s card is in USD: with another currency the button says so and does nothing', async () => {
    stubApi(
      team({
        'GET /workspace': () => [200, { ...workspace, prices: { ...prices, currency: 'MXN' } }],
      }),
    );
    renderWithQueries(<TeamPage me={me(OWNER)} />);
    const section = await screen.findByTestId('prices');
    const apply = within(section).getByRole('button', { name: 'Usar tarifas de Meta' });
    expect(apply.hasAttribute('disabled')).toBe(true);
    expect(within(section).getByTestId('meta-rates').textContent).toContain(
      'elige USD como moneda para usarlas, o escribe las tuyas en MXN',
    );
  });

  test('anyone else reads them, and the save button says why it is off', async () => {
    stubApi(team({ 'GET /workspace': () => [200, workspace] }));
    renderWithQueries(<TeamPage me={me(EDITOR)} />, { role: 'editor' });
    const section = await screen.findByTestId('prices');
    expect((within(section).getByLabelText('SMS (por segmento)') as HTMLInputElement).value).toBe(
      '0.0497',
    );
    const save = within(section).getByRole('button', { name: 'Guardar precios' });
    expect(save.hasAttribute('disabled')).toBe(true);
    expect(save.getAttribute('title')).toBe('Solo el propietario cambia los precios.');
  });
});
