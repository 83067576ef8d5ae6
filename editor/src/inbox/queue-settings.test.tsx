import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, test } from 'vitest';
import { renderWithQueries, setupApiTests, stubApi } from '../channels/test-api';
import InboxPage from './inbox-page';
import { list, ME, summary } from './test-fixtures';

setupApiTests();
beforeEach(() => window.history.replaceState(null, '', '/inbox'));

const me = { user: { ...ME, locale: 'es' } };
const LUIS = {
  userId: '4b6f2c1e-0000-4000-8000-000000000002',
  email: 'luis@tiendasol.mx',
  name: 'Luis',
  role: 'agent',
  joinedAt: '2025-06-01T12:00:00Z',
};

describe('Conversaciones: queue alerts', () => {
  test('an admin picks who gets an email and a webhook for «ventas»; the signing secret shows once', async () => {
    const calls = stubApi({
      'GET /handoffs?status=active': () => [200, list([summary()])],
      'GET /handoffs/queues': () => [
        200,
        { items: [{ queue: 'ventas', notifyUserIds: [], webhookUrl: null, signed: false }] },
      ],
      'GET /members': () => [200, { items: [LUIS] }],
      'PUT /handoffs/queues/ventas': (body) => [
        200,
        { queue: 'ventas', ...(body as object), signed: true, secret: 'rhs_s3cr3t' },
      ],
    });
    renderWithQueries(<InboxPage me={me} />, { role: 'admin' });
    fireEvent.click(await screen.findByRole('button', { name: /Avisos/ }));
    const dialog = screen.getByRole('dialog', { name: 'Avisos de conversaciones nuevas' });
    const form = await within(dialog).findByRole('form', { name: 'ventas' });
    fireEvent.click(within(form).getByLabelText('Luis (luis@tiendasol.mx)'));
    fireEvent.change(within(form).getByLabelText('Webhook (opcional)'), {
      target: { value: 'https://crm.tiendasol.mx/ruta' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Guardar «ventas»' }));
    const secret = await within(form).findByTestId('queue-secret');
    expect((within(secret).getByLabelText('Secreto de firma') as HTMLInputElement).value).toBe(
      'rhs_s3cr3t',
    );
    expect(secret.textContent).toContain('no se vuelve a mostrar');
    expect(secret.textContent).toContain('Ruta-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")');
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
        notifyUserIds: [LUIS.userId],
        webhookUrl: 'https://crm.tiendasol.mx/ruta',
      }),
    );
  });

  test('an agent works the inbox but does not see the queue alerts', async () => {
    stubApi({ 'GET /handoffs?status=active': () => [200, list([summary()])] });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    await screen.findByTestId('handoff-row');
    expect(screen.queryByRole('button', { name: /Avisos/ })).toBeNull();
  });
});
