import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { renderWithQueries, setupApiTests, stubApi } from '../channels/test-api';
import type { Delivery, SourceView } from './api';
import SourcesPage from './sources-page';

setupApiTests();

const shopify: SourceView = {
  id: 's1',
  platform: 'shopify',
  name: 'Tienda Sol',
  config: { shopDomain: 'tienda-sol.myshopify.com', defaultCountry: 'MX' },
  secretsSet: ['clientSecret'],
  webhookUrl: 'https://ruta.tiendasol.mx/webhooks/sources/shopify/s1',
  lastDeliveryAt: '2026-11-28T18:05:00Z',
  createdAt: '2026-11-28T18:00:00Z',
  updatedAt: '2026-11-28T18:00:00Z',
};

const delivery: Delivery = {
  id: 'd1',
  topic: 'checkouts/create',
  deliveryId: 'wh-1',
  status: 'processed',
  test: false,
  outcome: {
    events: [
      { name: 'checkout_started', id: 'shopify:checkout:t1', status: 'accepted', contactId: 'c1' },
    ],
    contactIds: ['c1'],
    skipped: [],
  },
  error: null,
  reason: null,
  body: '{}',
  receivedAt: '2026-11-28T18:05:00Z',
  processedAt: '2026-11-28T18:05:01Z',
};

describe('«Fuentes de datos»', () => {
  test('shows the webhook URL, the setup steps and what each delivery became', async () => {
    stubApi({
      'GET /sources': () => [200, { items: [shopify] }],
      'GET /sources/s1/deliveries?limit=10': () => [200, { items: [delivery] }],
    });
    renderWithQueries(<SourcesPage />);
    await screen.findByText('Tienda Sol');
    expect(screen.getByTestId('webhook-url').textContent).toBe(shopify.webhookUrl);
    expect(screen.getByText(/Creación de pago \(checkouts\/create\)/)).toBeTruthy();
    const row = await screen.findByTestId('delivery-row');
    expect(row.textContent).toContain('checkout_started');
    expect(row.textContent).toContain('Procesado');
    expect(row.textContent).toContain('nuevo');
  });

  test('a new Segment source shows its write key once', async () => {
    let items: SourceView[] = [];
    const calls = stubApi({
      'GET /sources': () => [200, { items }],
      'POST /sources': (body) => {
        const created: SourceView = {
          ...shopify,
          id: 's2',
          platform: 'segment',
          name: (body as { name: string }).name,
          config: { defaultCountry: 'MX' },
          secretsSet: [],
          webhookUrl: 'https://ruta.tiendasol.mx/webhooks/sources/segment/s2',
          apiBaseUrl: 'https://ruta.tiendasol.mx/v1',
          writeKeyPrefix: 'ruta_wk_abcd',
          lastDeliveryAt: null,
        };
        items = [created];
        return [201, { ...created, writeKey: 'ruta_wk_abcdefghijklmnop' }];
      },
      'GET /sources/s2/deliveries?limit=10': () => [200, { items: [] }],
    });
    renderWithQueries(<SourcesPage />);
    fireEvent.click(
      (await screen.findAllByRole('button', { name: 'Conectar fuente' }))[0] as HTMLElement,
    );
    fireEvent.click(screen.getByLabelText(/Compatible con Segment/));
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: 'RudderStack' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conectar' }));
    await waitFor(() =>
      expect(screen.getByTestId('write-key').textContent).toBe('ruta_wk_abcdefghijklmnop'),
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      platform: 'segment',
      name: 'RudderStack',
      config: { defaultCountry: 'MX' },
    });
  });

  test('a viewer sees the sources but cannot connect one', async () => {
    stubApi({ 'GET /sources': () => [200, { items: [shopify] }] });
    renderWithQueries(<SourcesPage />, { role: 'viewer' });
    await screen.findByText('Tienda Sol');
    expect(screen.queryByRole('button', { name: 'Conectar fuente' })).toBeNull();
    expect(screen.queryByTestId('delivery-row')).toBeNull();
  });
});
