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
 * WooCommerce webhooks (https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks):
 * `order.created`, `order.updated`, `customer.created`; X-WC-Webhook-Signature is base64
 * HMAC-SHA256 of the raw body under the webhook's secret. Creating a webhook sends a ping whose
 * body is `webhook_id=<id>` (answered 200). WooCommerce has no cart webhook: an order still
 * `pending` (or `failed`, `checkout-draft`) is a checkout not paid — `checkout_started`; once
 * `processing`, `on-hold` or `completed` it is `order_placed`. Both carry the order id as
 * `cart_id`, so the same order delivered twice (two delivery ids) or out of order is harmless.
 */
export const WOO_HEADERS = {
  signature: 'x-wc-webhook-signature',
  topic: 'x-wc-webhook-topic',
  deliveryId: 'x-wc-webhook-delivery-id',
} as const;

const UNPAID = new Set(['pending', 'failed', 'checkout-draft']);
const PLACED = new Set(['processing', 'on-hold', 'completed']);

/** The body of the ping WooCommerce sends when a webhook is saved. */
export function isWooPing(body: string): boolean {
  return /^webhook_id=\d+$/.test(body.trim());
}

function lineItems(value: unknown): Item[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    const line = asRecord(raw);
    return defined({
      title: text(line.name),
      quantity: quantity(line.quantity),
      price: text(line.total) ?? text(line.price),
      sku: text(line.sku),
      productId: text(line.product_id),
      variantId: text(line.variation_id),
    });
  });
}

function wooContact(
  billing: Json,
  customerId: string | undefined,
  fallback: Json = {},
): SourceContact {
  return defined({
    externalId: customerId && customerId !== '0' ? `woocommerce:${customerId}` : undefined,
    email: text(billing.email) ?? text(fallback.email),
    phone: text(billing.phone),
    phoneCountry: text(billing.country),
    firstName: text(billing.first_name) ?? text(fallback.first_name),
    lastName: text(billing.last_name) ?? text(fallback.last_name),
  });
}

function order(body: Json, topic: string): MappedDelivery {
  const id = text(body.id);
  if (!id) throw new MalformedDeliveryError('an order without its id');
  const status = text(body.status) ?? '';
  const placed = PLACED.has(status);
  if (!placed && !UNPAID.has(status))
    return { items: [], ignored: `WooCommerce order ${id} is ${status || 'without a status'}` };
  const total = text(body.total);
  const currency = text(body.currency);
  const items = lineItems(body.line_items);
  return {
    items: [
      {
        contact: wooContact(asRecord(body.billing), text(body.customer_id)),
        event: {
          id: `woocommerce:${placed ? 'order' : 'checkout'}:${id}`,
          name: placed ? 'order_placed' : 'checkout_started',
          properties: commerceProperties({
            source: 'woocommerce',
            cartId: id,
            total,
            currency,
            items,
            cartUrl: placed ? undefined : text(body.payment_url),
            extra: defined({
              order_id: id,
              order_number: text(body.number),
              status,
              revenue: placed ? total : undefined,
              topic,
            }),
          }),
          ...(text(body.date_created_gmt) ? { timestamp: `${text(body.date_created_gmt)}Z` } : {}),
        },
      },
    ],
  };
}

export function mapWooCommerce(topic: string, body: unknown): MappedDelivery {
  const resource = asRecord(body);
  if (Object.keys(resource).length === 0) throw new MalformedDeliveryError('not a JSON object');
  switch (topic) {
    case 'order.created':
    case 'order.updated':
      return order(resource, topic);
    case 'customer.created':
    case 'customer.updated':
      return {
        items: [{ contact: wooContact(asRecord(resource.billing), text(resource.id), resource) }],
      };
    default:
      return { items: [], ignored: `WooCommerce topic ${topic || '(none)'} is not one Ruta uses` };
  }
}
