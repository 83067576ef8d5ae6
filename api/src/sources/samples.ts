import { randomUUID } from 'node:crypto';
import type { SourcePlatform } from '@ruta/shared';
import type { MappedDelivery } from './types';

/**
 * What "send a test event" posts for each platform: a checkout as the platform documents it, for
 * a test contact. It goes through the same mapping and ingest as a real delivery, but its events
 * are renamed `source_test` so no journey sends anything to the test contact.
 */
export function sampleDelivery(platform: SourcePlatform): { topic: string; body: string } {
  const token = randomUUID().replaceAll('-', '');
  switch (platform) {
    case 'shopify':
      return {
        topic: 'checkouts/create',
        body: JSON.stringify({
          id: 981820079255243537n.toString(),
          token,
          cart_token: `cart-${token}`,
          email: 'prueba@ruta.invalid',
          currency: 'MXN',
          total_price: '899.00',
          completed_at: null,
          abandoned_checkout_url: `https://example.myshopify.com/checkouts/ac/${token}/recover`,
          line_items: [
            { title: 'Producto de prueba', quantity: 2, price: '449.50', product_id: 1 },
          ],
          customer: {
            id: 1,
            email: 'prueba@ruta.invalid',
            first_name: 'Prueba',
            last_name: 'Ruta',
          },
        }),
      };
    case 'woocommerce':
      return {
        topic: 'order.created',
        body: JSON.stringify({
          id: 1,
          status: 'pending',
          currency: 'MXN',
          total: '899.00',
          customer_id: 0,
          billing: { first_name: 'Prueba', last_name: 'Ruta', email: 'prueba@ruta.invalid' },
          payment_url: 'https://example.com/checkout/order-pay/1/',
          line_items: [{ name: 'Producto de prueba', quantity: 2, total: '899.00', product_id: 1 }],
        }),
      };
    case 'tiendanube':
      return {
        topic: 'checkout',
        body: JSON.stringify({
          id: 1,
          token,
          contact_email: 'prueba@ruta.invalid',
          contact_name: 'Prueba Ruta',
          total: '899.00',
          currency: 'ARS',
          abandoned_checkout_url: `https://example.mitiendanube.com/checkout/v3/proxy/1/${token}`,
          products: [{ name: 'Producto de prueba', quantity: 2, price: '449.50', product_id: 1 }],
        }),
      };
    case 'segment':
      return {
        topic: 'track',
        body: JSON.stringify({
          type: 'track',
          userId: 'ruta-test',
          event: 'Checkout Started',
          messageId: randomUUID(),
          context: { traits: { email: 'prueba@ruta.invalid', firstName: 'Prueba' } },
          properties: {
            order_id: token,
            revenue: 899,
            currency: 'MXN',
            products: [{ name: 'Producto de prueba', quantity: 2 }],
          },
        }),
      };
  }
}

/** The mapping of a sample, made harmless: one test contact per source, events renamed. */
export function asTestDelivery(sourceId: string, mapped: MappedDelivery): MappedDelivery {
  return {
    ...mapped,
    items: mapped.items.map((item) => ({
      contact: {
        externalId: `ruta-test:${sourceId}`,
        email: 'prueba@ruta.invalid',
        firstName: 'Prueba',
        lastName: 'Ruta',
      },
      ...(item.event
        ? {
            event: {
              ...item.event,
              id: `test:${randomUUID()}`,
              name: 'source_test',
              properties: { ...item.event.properties, mapped_event: item.event.name },
            },
          }
        : {}),
    })),
  };
}
