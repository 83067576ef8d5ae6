import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { ChannelView, ReceiptOutcome, WebhookReceipt } from './api';
import { ChannelCard } from './channel-card';
import { renderWithQueries, setupApiTests, stubApi } from './test-api';
import { WebhookReceipts } from './webhook-receipts';

setupApiTests();

const CHANNEL = '0b6f3a4e-2c1d-4f5e-9a8b-7c6d5e4f3a2b';
const LIST = `GET /webhook-receipts?channelId=${CHANNEL}`;

const whatsappBody = JSON.stringify({
  object: 'whatsapp_business_account',
  entry: [{ id: '102938475610293', changes: [{ field: 'messages', value: { messages: [] } }] }],
});

function receipt(overrides: Partial<WebhookReceipt>): WebhookReceipt {
  return {
    id: 'rcpt_1',
    channelId: CHANNEL,
    provider: 'whatsapp',
    contentType: 'application/json',
    body: whatsappBody,
    status: 'processed',
    erasedAt: null,
    outcome: { inbound: 0, statuses: 0, duplicates: 0, unknownMessageIds: [], routedTo: 0 },
    error: null,
    receivedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    processedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

const busy: ReceiptOutcome = {
  inbound: 2,
  statuses: 1,
  duplicates: 1,
  unknownMessageIds: ['wamid.HBgLNTIxNTUxMjM0NTY3OBUCABIYFjNFQjA'],
  routedTo: 0,
};

const failed = receipt({
  id: 'rcpt_failed',
  status: 'failed',
  outcome: null,
  error: 'connect ECONNREFUSED 127.0.0.1:5432',
});

function open() {
  fireEvent.click(screen.getByRole('button', { name: 'Últimos webhooks' }));
}

function row(id: string): HTMLElement {
  return screen.getByTestId(`receipt-${id}`);
}

describe('recent webhooks of a channel', () => {
  test('loads only when opened, then lists the receipts with their status and what they did', async () => {
    const calls = stubApi({
      [LIST]: () => [
        200,
        {
          items: [
            receipt({ id: 'rcpt_busy', outcome: busy }),
            failed,
            receipt({ id: 'rcpt_new', status: 'received', outcome: null, processedAt: null }),
          ],
        },
      ],
    });
    renderWithQueries(<WebhookReceipts channelId={CHANNEL} provider="whatsapp" />);
    expect(calls).toHaveLength(0);

    open();
    await screen.findByTestId('receipt-rcpt_busy');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([LIST]);

    const processed = row('rcpt_busy');
    expect(within(processed).getByText('Procesado').className).toContain('badge-active');
    expect(within(processed).getByText('hace 5 minutos')).toBeTruthy();
    expect(
      within(processed).getByText('2 respuestas · 1 estado · 1 duplicado · 1 mensaje desconocido'),
    ).toBeTruthy();

    expect(within(row('rcpt_failed')).getByText('Falló').className).toContain('badge-failed');
    expect(
      within(row('rcpt_failed')).getByText('connect ECONNREFUSED 127.0.0.1:5432'),
    ).toBeTruthy();
    expect(within(row('rcpt_new')).getByText('Recibido').className).toContain('badge-paused');
    expect(within(row('rcpt_new')).getByText('Todavía sin procesar')).toBeTruthy();

    expect(within(processed).queryByRole('button', { name: 'Reprocesar' })).toBeNull();
    expect(within(row('rcpt_failed')).getByRole('button', { name: 'Reprocesar' })).toBeTruthy();
  });

  test('shows only the 10 newest', async () => {
    const items = Array.from({ length: 12 }, (_, i) => receipt({ id: `rcpt_${i}` }));
    stubApi({ [LIST]: () => [200, { items }] });
    renderWithQueries(<WebhookReceipts channelId={CHANNEL} provider="whatsapp" />);
    open();
    await screen.findByTestId('receipt-rcpt_0');
    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    expect(screen.queryByTestId('receipt-rcpt_10')).toBeNull();
    expect(screen.getByText('Se muestran los 10 más recientes.')).toBeTruthy();
  });

  test('expands the raw body: JSON indented, a Twilio form as key = value lines', async () => {
    const twilio = receipt({
      id: 'rcpt_sms',
      provider: 'twilio',
      contentType: 'application/x-www-form-urlencoded',
      body: 'MessageSid=SM123&From=%2B5215512345678&Body=S%C3%AD%2C+quiero+el+cup%C3%B3n',
      outcome: {
        ...busy,
        inbound: 1,
        statuses: 0,
        duplicates: 0,
        unknownMessageIds: [],
        routedTo: 1,
      },
    });
    stubApi({ [LIST]: () => [200, { items: [receipt({}), twilio] }] });
    renderWithQueries(<WebhookReceipts channelId={CHANNEL} provider="twilio" />);
    open();
    await screen.findByTestId('receipt-rcpt_sms');
    expect(within(row('rcpt_sms')).getByText('1 respuesta · 1 recorrido avanzó')).toBeTruthy();
    expect(within(row('rcpt_1')).getByText('Sin respuestas ni estados')).toBeTruthy();
    expect(document.querySelector('pre')).toBeNull();

    const toggle = within(row('rcpt_1')).getByRole('button', { name: 'Ver contenido' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const json = row('rcpt_1').querySelector('pre');
    expect(json?.textContent).toBe(JSON.stringify(JSON.parse(whatsappBody), null, 2));
    expect(json?.textContent).toContain('\n  "object": "whatsapp_business_account"');

    fireEvent.click(within(row('rcpt_sms')).getByRole('button', { name: 'Ver contenido' }));
    expect(row('rcpt_sms').querySelector('pre')?.textContent).toBe(
      'MessageSid = SM123\nFrom = +5215512345678\nBody = Sí, quiero el cupón',
    );

    fireEvent.click(within(row('rcpt_1')).getByRole('button', { name: 'Ocultar contenido' }));
    expect(row('rcpt_1').querySelector('pre')).toBeNull();
  });

  test('replays a failed webhook, then shows it processed and what the replay did', async () => {
    let replayed = false;
    const calls = stubApi({
      [LIST]: () => [
        200,
        {
          items: [
            replayed
              ? {
                  ...failed,
                  status: 'processed',
                  erasedAt: null,
                  error: null,
                  outcome: { ...busy, duplicates: 0, unknownMessageIds: [] },
                }
              : failed,
          ],
        },
      ],
      'POST /webhook-receipts/rcpt_failed/replay': () => {
        replayed = true;
        return [
          200,
          {
            id: 'rcpt_failed',
            ok: true,
            outcome: { ...busy, duplicates: 0, unknownMessageIds: [] },
          },
        ];
      },
    });
    renderWithQueries(<WebhookReceipts channelId={CHANNEL} provider="whatsapp" />);
    open();
    const button = await within(await screen.findByTestId('receipt-rcpt_failed')).findByRole(
      'button',
      { name: 'Reprocesar' },
    );
    fireEvent.click(button);

    expect((await within(row('rcpt_failed')).findByRole('status')).textContent).toBe(
      'Reprocesado: 2 respuestas · 1 estado',
    );
    expect(within(row('rcpt_failed')).getByText('Procesado').className).toContain('badge-active');
    expect(within(row('rcpt_failed')).queryByRole('button', { name: 'Reprocesar' })).toBeNull();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      LIST,
      'POST /webhook-receipts/rcpt_failed/replay',
      LIST,
    ]);
  });

  test('says when a replay fails again', async () => {
    stubApi({
      [LIST]: () => [200, { items: [failed] }],
      'POST /webhook-receipts/rcpt_failed/replay': () => [
        200,
        { id: 'rcpt_failed', ok: false, error: 'Unexpected token < in JSON at position 0' },
      ],
    });
    renderWithQueries(<WebhookReceipts channelId={CHANNEL} provider="whatsapp" />);
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Reprocesar' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Volvió a fallar: Unexpected token < in JSON at position 0',
    );
    expect(within(row('rcpt_failed')).getByText('Falló')).toBeTruthy();
  });

  test('before any webhook arrives, says where they will come from', async () => {
    stubApi({ [LIST]: () => [200, { items: [] }] });
    renderWithQueries(<WebhookReceipts channelId={CHANNEL} provider="twilio" />);
    open();
    expect(
      await screen.findByText(
        'Aún no llega ningún webhook. Cuando Twilio llame a la URL de arriba, aparecerán aquí.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  test('channels that receive webhooks show the section; an SMTP one does not', () => {
    stubApi({});
    const channel = (provider: ChannelView['provider'], name: string): ChannelView => ({
      id: CHANNEL,
      provider,
      name,
      config: {},
      secretsSet: [],
      carries: provider === 'smtp' ? ['email'] : ['sms'],
      webhookUrl: provider === 'smtp' ? null : `https://ruta.tiendasol.mx/webhooks/${provider}/x`,
      createdAt: '2025-06-02T15:00:00Z',
      updatedAt: '2025-06-02T15:00:00Z',
      templatesSyncedAt: null,
    });
    const noop = () => undefined;
    renderWithQueries(
      <>
        <ChannelCard channel={channel('twilio', 'SMS Twilio')} onEdit={noop} onDelete={noop} />
        <ChannelCard channel={channel('smtp', 'Correo')} onEdit={noop} onDelete={noop} />
      </>,
    );
    const sms = screen.getByRole('article', { name: 'SMS Twilio' });
    expect(within(sms).getByRole('button', { name: 'Últimos webhooks' })).toBeTruthy();
    const mail = screen.getByRole('article', { name: 'Correo' });
    expect(within(mail).queryByRole('button', { name: 'Últimos webhooks' })).toBeNull();
  });
});
