import { describe, expect, test } from 'vitest';
import { toE164 } from '../../contacts/phone';
import { checkoutCreate, orderCreate } from '../fixtures/shopify';
import { parseJsonKeepingIds } from '../json';
import { verifyHmac } from '../signatures';
import { mapSegmentMessage, rutaEventName } from './segment';
import { mapShopify } from './shopify';
import { isWooPing, mapWooCommerce } from './woocommerce';

describe('raw JSON', () => {
  test('ids beyond 2^53 stay exact, as strings; strings and small numbers are untouched', () => {
    const parsed = parseJsonKeepingIds(
      '{"id": 981820079255243537, "n": 12, "x": -1.5e3, "s": "981820079255243537 \\" 99999999999999999"}',
    ) as Record<string, unknown>;
    expect(parsed).toEqual({
      id: '981820079255243537',
      n: 12,
      x: -1500,
      s: '981820079255243537 " 99999999999999999',
    });
  });
});

describe('signatures', () => {
  test('only the exact bytes verify', () => {
    const raw = Buffer.from('{"a":"\\/x\\u0026"}');
    const header = 'wrong';
    expect(verifyHmac('s', raw, header, 'base64')).toBe(false);
    expect(verifyHmac('s', raw, undefined, 'base64')).toBe(false);
  });
});

describe('phones', () => {
  test('local numbers read in the store country; prefixed ones kept; junk dropped', () => {
    expect(toE164('55 1234 5678', 'MX')).toBe('+525512345678');
    expect(toE164('+54 9 11 5555 1234', 'MX')).toBe('+5491155551234');
    expect(toE164('(11) 98765-4321', 'BR')).toBe('+5511987654321');
    expect(toE164('123', 'MX')).toBeUndefined();
    expect(toE164(undefined, 'MX')).toBeUndefined();
  });
});

describe('Shopify', () => {
  test('a checkout is checkout_started keyed by its token; its order carries the same key', () => {
    const checkout = mapShopify(
      'checkouts/create',
      parseJsonKeepingIds(checkoutCreate({ token: 't1' })),
    );
    const order = mapShopify(
      'orders/create',
      parseJsonKeepingIds(orderCreate({ id: '820982911946154508', checkoutToken: 't1' })),
    );
    expect(checkout.items[0]?.event).toMatchObject({
      name: 'checkout_started',
      properties: { cart_id: 't1' },
    });
    expect(order.items[0]?.event).toMatchObject({
      name: 'order_placed',
      id: 'shopify:order:820982911946154508',
      properties: { cart_id: 't1', order_id: '820982911946154508' },
    });
    expect(checkout.items[0]?.contact).toMatchObject({
      externalId: 'shopify:603851970716743426',
      phoneCountry: 'MX',
      consent: { sms: true, whatsapp: true, email: true },
    });
  });

  test('an order without checkout_token falls back to cart_token; other topics are ignored', () => {
    const body = JSON.parse(orderCreate({ id: '1', checkoutToken: 'x' }));
    body.checkout_token = null;
    expect(mapShopify('orders/paid', body).items[0]?.event?.properties.cart_id).toBe('cart-x');
    expect(mapShopify('products/create', { id: 1 }).ignored).toContain('products/create');
  });
});

describe('WooCommerce', () => {
  test('the creation ping is recognised', () => {
    expect(isWooPing('webhook_id=12')).toBe(true);
    expect(isWooPing('{"id":1}')).toBe(false);
  });

  test('statuses: unpaid → checkout, paid → order, others ignored', () => {
    const order = (status: string) => ({
      id: 7,
      status,
      total: '10.00',
      currency: 'MXN',
      billing: { email: 'a@b.mx' },
    });
    expect(mapWooCommerce('order.created', order('pending')).items[0]?.event?.name).toBe(
      'checkout_started',
    );
    expect(mapWooCommerce('order.updated', order('completed')).items[0]?.event?.name).toBe(
      'order_placed',
    );
    expect(mapWooCommerce('order.updated', order('refunded')).ignored).toBeDefined();
  });
});

describe('Segment', () => {
  test('spec names map to Ruta events; others become snake case', () => {
    expect(rutaEventName('Checkout Started')).toBe('checkout_started');
    expect(rutaEventName('Order Completed')).toBe('order_placed');
    expect(rutaEventName('Product Added')).toBe('product_added');
    expect(rutaEventName('cart_abandoned')).toBe('cart_abandoned');
    expect(rutaEventName('¡¡')).toBe('segment_event');
  });

  test('a track needs a messageId and an identity', () => {
    expect(() => mapSegmentMessage({ type: 'track', event: 'X', messageId: 'm' })).toThrow();
    expect(
      mapSegmentMessage({ type: 'track', userId: 'u', event: 'X', messageId: 'm' }).items[0]?.event
        ?.id,
    ).toBe('m');
  });
});
