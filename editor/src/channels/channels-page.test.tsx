import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { ChannelView, SyncedTemplate } from './api';
import ChannelsPage from './channels-page';
import { description, type Routes, renderWithQueries, setupApiTests, stubApi } from './test-api';

setupApiTests();

const META_WEBHOOK = 'https://ruta.tiendasol.mx/webhooks/whatsapp/ch_wa';

function whatsapp(overrides: Partial<ChannelView> = {}): ChannelView {
  return {
    id: 'ch_wa',
    provider: 'whatsapp',
    name: 'WhatsApp Tienda Sol',
    config: {
      phoneNumberId: '109876543210987',
      businessAccountId: '102938475610293',
      verifyToken: 'ruta-verify-2025',
    },
    secretsSet: ['accessToken', 'appSecret'],
    carries: ['whatsapp'],
    webhookUrl: META_WEBHOOK,
    createdAt: '2025-06-02T15:00:00Z',
    updatedAt: '2025-06-02T15:00:00Z',
    templatesSyncedAt: null,
    ...overrides,
  };
}

const smtp: ChannelView = {
  id: 'ch_mail',
  provider: 'smtp',
  name: 'Correo de la tienda',
  config: {
    host: 'smtp.tiendasol.mx',
    port: 587,
    secure: false,
    from: 'Tienda Sol <hola@tiendasol.mx>',
  },
  secretsSet: [],
  carries: ['email'],
  webhookUrl: null,
  createdAt: '2025-06-01T15:00:00Z',
  updatedAt: '2025-06-01T15:00:00Z',
  templatesSyncedAt: null,
};

function listing(items: ChannelView[], more: Routes = {}): Routes {
  return {
    'GET /channels': () => [200, { items }],
    'GET /whatsapp-templates': () => [200, { items: [] }],
    ...more,
  };
}

function card(name: string): HTMLElement {
  return screen.getByRole('article', { name });
}

describe('channels page', () => {
  test('says which channel carries each message, and that the sandbox gets the rest', async () => {
    stubApi(listing([whatsapp(), smtp]));
    renderWithQueries(<ChannelsPage />);
    await screen.findByRole('article', { name: 'WhatsApp Tienda Sol' });

    expect(screen.getByTestId('route-whatsapp').textContent).toContain(
      'Sale por «WhatsApp Tienda Sol» (WhatsApp Cloud API)',
    );
    expect(screen.getByTestId('route-sms').textContent).toContain(
      'Sin canal configurado: los mensajes llegan a la bandeja de prueba',
    );
    expect(screen.getByTestId('route-email').textContent).toContain('Correo de la tienda');

    const wa = card('WhatsApp Tienda Sol');
    expect(within(wa).getByText('109876543210987')).toBeTruthy();
    expect(within(wa).getAllByText('guardado')).toHaveLength(2);
    const webhook = within(wa).getByRole('textbox', {
      name: /URL del webhook/,
    }) as HTMLInputElement;
    expect(webhook.value).toBe(META_WEBHOOK);
    expect(within(wa).getByText(/App Dashboard → WhatsApp → Configuración/)).toBeTruthy();
    expect(within(wa).getByRole('button', { name: 'Copiar' })).toBeTruthy();

    const mail = card('Correo de la tienda');
    expect(within(mail).getByText('sin guardar')).toBeTruthy();
    expect(within(mail).queryByRole('textbox', { name: /URL del webhook/ })).toBeNull();
  });

  test('below admin, the channels and their routing show but nothing to add, change, delete or replay', async () => {
    const calls = stubApi(listing([whatsapp(), smtp]));
    renderWithQueries(<ChannelsPage />, { role: 'editor' });
    const wa = await screen.findByRole('article', { name: 'WhatsApp Tienda Sol' });
    expect(screen.getByTestId('route-whatsapp').textContent).toContain('WhatsApp Tienda Sol');
    expect(screen.queryByRole('button', { name: /Agregar canal/ })).toBeNull();
    expect(within(wa).queryByRole('button', { name: /Editar/ })).toBeNull();
    expect(within(wa).queryByRole('button', { name: /Eliminar/ })).toBeNull();
    expect(within(wa).queryByRole('button', { name: /Sincronizar plantillas/ })).toBeNull();
    expect(within(wa).queryByRole('region', { name: 'Últimos webhooks' })).toBeNull();
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
  });

  test('with no channel at all, every message goes to the sandbox', async () => {
    stubApi(listing([]));
    renderWithQueries(<ChannelsPage />);
    expect(await screen.findByText(/Todavía no conectas ningún canal/)).toBeTruthy();
    for (const channel of ['whatsapp', 'sms', 'email']) {
      expect(screen.getByTestId(`route-${channel}`).textContent).toContain(
        'Sin canal configurado: los mensajes llegan a la bandeja de prueba',
      );
    }
  });

  test('a secret value is never rendered, not even in the edit form', async () => {
    // Even if the API leaked a secret into config, the page shows only "guardado".
    const leaky = whatsapp({
      config: { ...whatsapp().config, accessToken: 'EAAG-leaked-token-123' },
    });
    stubApi(listing([leaky]));
    renderWithQueries(<ChannelsPage />);
    const wa = await screen.findByRole('article', { name: 'WhatsApp Tienda Sol' });
    expect(document.body.textContent).not.toContain('EAAG-leaked');

    fireEvent.click(within(wa).getByRole('button', { name: /Editar/ }));
    const dialog = screen.getByRole('dialog');
    for (const label of ['Token de acceso', 'Clave secreta de la app']) {
      const input = within(dialog).getByLabelText(label) as HTMLInputElement;
      expect(input.type).toBe('password');
      expect(input.value).toBe('');
      expect(input.placeholder).toBe('Guardado — déjalo vacío para conservarlo');
    }
    const values = [...dialog.querySelectorAll('input')].map((i) => i.value);
    expect(values.join(' ')).not.toContain('EAAG-leaked');
  });

  test('the create form shows what is wrong at each field and sends nothing', async () => {
    const calls = stubApi(listing([]));
    renderWithQueries(<ChannelsPage />);
    fireEvent.click(
      (await screen.findAllByRole('button', { name: /Agregar canal/ }))[0] as HTMLElement,
    );
    const dialog = screen.getByRole('dialog', { name: 'Agregar canal' });

    const phone = within(dialog).getByLabelText('ID del número de teléfono');
    fireEvent.change(phone, { target: { value: '+52 55 1234 5678' } });
    fireEvent.change(within(dialog).getByLabelText('Token de verificación'), {
      target: { value: 'corto' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar canal' }));

    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(description(phone)).toContain('Debe ser el ID numérico del número');
    const token = within(dialog).getByLabelText('Token de acceso');
    expect(description(token)).toContain('Este campo es obligatorio.');
    expect(description(within(dialog).getByLabelText('Token de verificación'))).toContain(
      'Usa al menos 8 caracteres.',
    );
    expect(description(within(dialog).getByLabelText('Nombre'))).toContain(
      'Ponle un nombre para reconocerlo.',
    );
    // Optional fields left empty are fine.
    expect(
      within(dialog)
        .getByLabelText(/ID de la cuenta de WhatsApp Business/)
        .getAttribute('aria-invalid'),
    ).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    // Fixing a field clears its error.
    fireEvent.change(phone, { target: { value: '109876543210987' } });
    expect(phone.getAttribute('aria-invalid')).toBeNull();
  });

  test("the server's field errors land on their fields", async () => {
    const calls = stubApi(
      listing([], {
        'POST /channels': () => [
          400,
          {
            title: 'Bad request',
            detail: 'The body is not valid: config.accountSid: already connected',
            errors: [
              {
                path: 'config.accountSid',
                message: 'already connected',
                message_es: 'Esta cuenta ya está conectada en otro canal.',
              },
            ],
          },
        ],
      }),
    );
    renderWithQueries(<ChannelsPage />);
    fireEvent.click(
      (await screen.findAllByRole('button', { name: /Agregar canal/ }))[0] as HTMLElement,
    );
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /Twilio/ }));
    fireEvent.change(within(dialog).getByLabelText('Nombre'), { target: { value: 'SMS' } });
    const sid = within(dialog).getByLabelText('Account SID');
    fireEvent.change(sid, { target: { value: `AC${'a1'.repeat(16)}` } });
    fireEvent.change(within(dialog).getByLabelText('Auth Token'), {
      target: { value: '0123456789abcdef0123' },
    });
    fireEvent.change(within(dialog).getByLabelText('Remitente'), {
      target: { value: 'whatsapp:+5215512345678' },
    });
    expect(within(dialog).getByText('Llevará: WhatsApp')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar canal' }));

    await waitFor(() =>
      expect(description(sid)).toContain('Esta cuenta ya está conectada en otro canal.'),
    );
    expect(sid.getAttribute('aria-invalid')).toBe('true');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      provider: 'twilio',
      name: 'SMS',
      config: {
        accountSid: `AC${'a1'.repeat(16)}`,
        authToken: '0123456789abcdef0123',
        from: 'whatsapp:+5215512345678',
      },
    });
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  test('a new SMTP channel is sent with a numeric port and closes the dialog', async () => {
    let items: ChannelView[] = [];
    const calls = stubApi({
      'GET /channels': () => [200, { items }],
      'GET /whatsapp-templates': () => [200, { items: [] }],
      'POST /channels': () => {
        items = [smtp];
        return [201, smtp];
      },
    });
    renderWithQueries(<ChannelsPage />);
    fireEvent.click(
      (await screen.findAllByRole('button', { name: /Agregar canal/ }))[0] as HTMLElement,
    );
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /Email \(SMTP\)/ }));
    fireEvent.change(within(dialog).getByLabelText('Nombre'), {
      target: { value: 'Correo de la tienda' },
    });
    fireEvent.change(within(dialog).getByLabelText('Servidor SMTP'), {
      target: { value: 'smtp.tiendasol.mx' },
    });
    fireEvent.change(within(dialog).getByLabelText('Remitente (De)'), {
      target: { value: 'Tienda Sol <hola@tiendasol.mx>' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar canal' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      provider: 'smtp',
      name: 'Correo de la tienda',
      config: {
        host: 'smtp.tiendasol.mx',
        port: 587,
        secure: false,
        from: 'Tienda Sol <hola@tiendasol.mx>',
      },
    });
    expect(await screen.findByRole('article', { name: 'Correo de la tienda' })).toBeTruthy();
  });

  test('editing sends only the secrets that were typed, and null for a saved optional field emptied', async () => {
    const calls = stubApi(
      listing([whatsapp()], {
        'PATCH /channels/ch_wa': () => [200, whatsapp({ name: 'WhatsApp Sol' })],
      }),
    );
    renderWithQueries(<ChannelsPage />);
    const wa = await screen.findByRole('article', { name: 'WhatsApp Tienda Sol' });
    fireEvent.click(within(wa).getByRole('button', { name: /Editar/ }));
    const dialog = screen.getByRole('dialog', { name: 'Editar «WhatsApp Tienda Sol»' });
    expect(
      (within(dialog).getByLabelText('ID del número de teléfono') as HTMLInputElement).value,
    ).toBe('109876543210987');
    fireEvent.change(within(dialog).getByLabelText('Nombre'), {
      target: { value: 'WhatsApp Sol' },
    });
    fireEvent.change(within(dialog).getByLabelText('Clave secreta de la app'), {
      target: { value: 'nueva-clave-secreta' },
    });
    fireEvent.change(within(dialog).getByLabelText(/ID de la cuenta de WhatsApp Business/), {
      target: { value: '' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/channels/ch_wa');
    expect(patch?.body).toEqual({
      name: 'WhatsApp Sol',
      config: {
        phoneNumberId: '109876543210987',
        businessAccountId: null,
        verifyToken: 'ruta-verify-2025',
        appSecret: 'nueva-clave-secreta',
      },
    });
  });

  test('moving an SMTP channel to another server asks for the password again before saving', async () => {
    const withPassword: ChannelView = { ...smtp, secretsSet: ['password'] };
    const calls = stubApi(
      listing([withPassword], {
        'PATCH /channels/ch_mail': () => [200, withPassword],
      }),
    );
    renderWithQueries(<ChannelsPage />);
    const mail = await screen.findByRole('article', { name: 'Correo de la tienda' });
    fireEvent.click(within(mail).getByRole('button', { name: /Editar/ }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Servidor SMTP'), {
      target: { value: 'smtp.otro.mx' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar' }));
    expect(await within(dialog).findByText(/escribe de nuevo la contraseña/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^Contraseña/), {
      target: { value: 'nueva-contraseña' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({
      config: { host: 'smtp.otro.mx', password: 'nueva-contraseña' },
    });
  });

  test('provider API addresses are not in the form: they are server settings', async () => {
    stubApi(listing([whatsapp()]));
    renderWithQueries(<ChannelsPage />);
    const wa = await screen.findByRole('article', { name: 'WhatsApp Tienda Sol' });
    fireEvent.click(within(wa).getByRole('button', { name: /Editar/ }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByLabelText('URL base de la API')).toBeNull();
  });

  test('syncing shows the templates with their approval status', async () => {
    let templates: SyncedTemplate[] = [];
    const synced = [
      {
        name: 'carrito_abandonado',
        language: 'es_MX',
        status: 'APPROVED',
        category: 'MARKETING',
        body: 'Hola {{1}}, tu carrito te espera.',
        paramCount: 1,
        quickReplies: ['Comprar'],
      },
      {
        name: 'promo_buen_fin',
        language: 'es_MX',
        status: 'PENDING',
        category: 'MARKETING',
        body: '{{1}}: {{2}} de descuento',
        paramCount: 2,
        quickReplies: [],
      },
      {
        name: 'aviso_envio',
        language: 'es_MX',
        status: 'REJECTED',
        category: 'UTILITY',
        body: 'Tu pedido va en camino',
        paramCount: 0,
        quickReplies: [],
      },
    ];
    const calls = stubApi({
      'GET /channels': () => [200, { items: [whatsapp()] }],
      'GET /whatsapp-templates': () => [200, { items: templates }],
      'POST /channels/ch_wa/templates/sync': () => {
        templates = synced.map((s) => ({ ...s, channelId: 'ch_wa' }));
        return [200, { items: synced, syncedAt: '2025-06-03T17:30:00Z' }];
      },
    });
    renderWithQueries(<ChannelsPage />);
    const wa = await screen.findByRole('article', { name: 'WhatsApp Tienda Sol' });
    expect(within(wa).getByText('Aún no se sincronizan.')).toBeTruthy();
    fireEvent.click(within(wa).getByRole('button', { name: /Sincronizar plantillas/ }));

    const row = (name: string) => {
      const cell = within(wa).getByText(name).closest('tr');
      if (!cell) throw new Error(`no row ${name}`);
      return cell;
    };
    await within(wa).findByText('carrito_abandonado');
    expect(within(row('carrito_abandonado')).getByText('Aprobada').className).toContain(
      'badge-active',
    );
    expect(within(row('promo_buen_fin')).getByText('En revisión').className).toContain(
      'badge-paused',
    );
    expect(within(row('aviso_envio')).getByText('Rechazada').className).toContain('badge-failed');
    expect(within(wa).getByText(/Última sincronización:/)).toBeTruthy();
    expect(
      calls.some((c) => c.method === 'POST' && c.path === '/channels/ch_wa/templates/sync'),
    ).toBe(true);
  });

  test("a refused sync shows Meta's message", async () => {
    stubApi(
      listing([whatsapp()], {
        'POST /channels/ch_wa/templates/sync': () => [
          502,
          { title: 'Bad gateway', detail: 'Meta: (#100) Invalid WhatsApp Business Account id' },
        ],
      }),
    );
    renderWithQueries(<ChannelsPage />);
    const wa = await screen.findByRole('article', { name: 'WhatsApp Tienda Sol' });
    fireEvent.click(within(wa).getByRole('button', { name: /Sincronizar plantillas/ }));
    expect((await within(wa).findByRole('alert')).textContent).toContain(
      'Invalid WhatsApp Business Account id',
    );
  });

  test('deleting asks first and says where the messages go next', async () => {
    const calls = stubApi(listing([whatsapp()], { 'DELETE /channels/ch_wa': () => [204] }));
    renderWithQueries(<ChannelsPage />);
    const wa = await screen.findByRole('article', { name: 'WhatsApp Tienda Sol' });
    fireEvent.click(within(wa).getByRole('button', { name: /Eliminar/ }));
    const dialog = screen.getByRole('dialog', { name: '¿Eliminar «WhatsApp Tienda Sol»?' });
    expect(
      within(dialog).getByText(
        'Después, los mensajes de WhatsApp llegarán a la bandeja de prueba.',
      ),
    ).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Eliminar canal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/channels/ch_wa')).toBe(true);
  });
});
