import {
  asRecord,
  defined,
  type Json,
  MalformedDeliveryError,
  type MappedDelivery,
  type SourceContact,
  text,
} from '../types';
import { commerceProperties, type Item, quantity } from './commerce';

/**
 * Tiendanube / Nuvemshop (https://tiendanube.github.io/api-documentation/resources/webhook): a
 * webhook body is only `{store_id, event, id}`, signed with x-linkedstore-hmac-sha256 (lowercase
 * hex HMAC-SHA256 of the body under the app secret); Ruta then reads the order from the store's
 * API (https://tiendanube.github.io/api-documentation/resources/order). Abandoned checkouts exist
 * only through GET /checkouts
 * (https://tiendanube.github.io/api-documentation/resources/abandoned-checkout): they appear once
 * the buyer reaches checkout's second step, up to 6 hours later, and stay 30 days. An order and
 * the checkout it came from share their `token`: both carry it as `cart_id`.
 */
export const TIENDANUBE_ORDER_EVENTS = new Set([
  'order/created',
  'order/updated',
  'order/paid',
  'order/pending',
]);

/** The webhook's own body: which store, which event, which resource. */
export function tiendanubeNotice(body: unknown): { storeId: string; event: string; id: string } {
  const record = asRecord(body);
  const storeId = text(record.store_id);
  const event = text(record.event);
  const id = text(record.id);
  if (!storeId || !event || !id)
    throw new MalformedDeliveryError('a webhook without store_id, event and id');
  return { storeId, event, id };
}

function products(value: unknown): Item[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    const p = asRecord(raw);
    return defined({
      title: text(p.name),
      quantity: quantity(p.quantity),
      price: text(p.price),
      sku: text(p.sku),
      productId: text(p.product_id),
      variantId: text(p.variant_id),
    });
  });
}

function splitName(name: string | undefined) {
  if (!name) return {};
  const [first, ...rest] = name.split(/\s+/);
  return defined({ firstName: first, lastName: rest.length ? rest.join(' ') : undefined });
}

function contactOf(resource: Json): SourceContact {
  const customer = asRecord(resource.customer);
  const customerId = text(customer.id);
  const country =
    text(resource.billing_country) ?? text(asRecord(resource.shipping_address).country);
  return defined({
    externalId: customerId ? `tiendanube:${customerId}` : undefined,
    email: text(resource.contact_email) ?? text(customer.email),
    phone:
      text(resource.contact_phone) ??
      text(customer.phone) ??
      text(resource.billing_phone) ??
      text(resource.shipping_phone),
    phoneCountry: country && country.length === 2 ? country.toUpperCase() : undefined,
    ...splitName(text(resource.contact_name) ?? text(customer.name)),
  });
}

/** An abandoned checkout as GET /checkouts lists it → `checkout_started`. */
export function mapTiendanubeCheckout(body: unknown): MappedDelivery {
  const checkout = asRecord(body);
  const token = text(checkout.token);
  if (!token) throw new MalformedDeliveryError('a checkout without its token');
  return {
    items: [
      {
        contact: contactOf(checkout),
        event: {
          id: `tiendanube:checkout:${token}`,
          name: 'checkout_started',
          properties: commerceProperties({
            source: 'tiendanube',
            cartId: token,
            total: text(checkout.total),
            currency: text(checkout.currency),
            items: products(checkout.products),
            cartUrl: text(checkout.abandoned_checkout_url),
            extra: defined({ checkout_id: text(checkout.id) }),
          }),
          ...(text(checkout.created_at) ? { timestamp: text(checkout.created_at) } : {}),
        },
      },
    ],
  };
}

/** An order read from the API: paid (or authorized) → `order_placed`; pending → a checkout. */
export function mapTiendanubeOrder(body: unknown, event: string): MappedDelivery {
  const order = asRecord(body);
  const id = text(order.id);
  const token = text(order.token);
  if (!id) throw new MalformedDeliveryError('an order without its id');
  const payment = text(order.payment_status) ?? '';
  const placed = payment === 'paid' || payment === 'authorized';
  if (text(order.status) === 'cancelled' || (!placed && payment !== 'pending'))
    return {
      items: [],
      ignored: `Tiendanube order ${id} is ${payment || 'without a payment status'}`,
    };
  const total = text(order.total);
  return {
    items: [
      {
        contact: contactOf(order),
        event: {
          id: placed ? `tiendanube:order:${id}` : `tiendanube:checkout:${token ?? id}`,
          name: placed ? 'order_placed' : 'checkout_started',
          properties: commerceProperties({
            source: 'tiendanube',
            cartId: token,
            total,
            currency: text(order.currency),
            items: products(order.products),
            extra: defined({
              order_id: id,
              order_number: text(order.number),
              payment_status: payment,
              revenue: placed ? total : undefined,
              topic: event,
            }),
          }),
          ...(text(order.created_at) ? { timestamp: text(order.created_at) } : {}),
        },
      },
    ],
  };
}
