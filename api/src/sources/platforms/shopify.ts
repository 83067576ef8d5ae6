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
 * Shopify webhooks (https://shopify.dev/docs/api/webhooks?reference=toml, topics
 * `checkouts/create|update`, `orders/create|paid`, `customers/create|update`), verified with
 * X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body under the app's client secret
 * (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify).
 * Shopify has no "abandoned" webhook: a checkout becomes `checkout_started` keyed by its token and
 * the journey decides abandonment; an order points to its checkout by `checkout_token` (else
 * `cart_token`) and becomes `order_placed` with the same key.
 */
export const SHOPIFY_TOPICS = [
  'checkouts/create',
  'checkouts/update',
  'orders/create',
  'orders/paid',
  'customers/create',
  'customers/update',
] as const;

export const SHOPIFY_HEADERS = {
  signature: 'x-shopify-hmac-sha256',
  topic: 'x-shopify-topic',
  deliveryId: 'x-shopify-webhook-id',
  shop: 'x-shopify-shop-domain',
} as const;

/** Shopify's marketing consent states (CustomerEmailMarketingConsentState): yes, no, or unknown. */
function consentState(value: unknown): boolean | undefined {
  const state = text(asRecord(value).state)?.toLowerCase();
  if (state === 'subscribed') return true;
  if (state === 'unsubscribed' || state === 'redacted') return false;
  return undefined;
}

function lineItems(value: unknown): Item[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    const line = asRecord(raw);
    return defined({
      title: text(line.title) ?? text(line.name),
      quantity: quantity(line.quantity),
      price: text(line.price),
      sku: text(line.sku),
      productId: text(line.product_id),
      variantId: text(line.variant_id),
    });
  });
}

/** The buyer of a checkout or order, or a customer resource itself. */
function shopifyContact(resource: Json, customer: Json): SourceContact {
  const address = asRecord(
    resource.billing_address ?? resource.shipping_address ?? customer.default_address,
  );
  const sms = consentState(customer.sms_marketing_consent);
  const email = consentState(customer.email_marketing_consent);
  const customerId = text(customer.id);
  return defined({
    externalId: customerId ? `shopify:${customerId}` : undefined,
    email: text(resource.email) ?? text(customer.email) ?? text(resource.contact_email),
    phone: text(resource.phone) ?? text(customer.phone) ?? text(address.phone),
    phoneCountry: text(address.country_code),
    firstName: text(customer.first_name) ?? text(address.first_name),
    lastName: text(customer.last_name) ?? text(address.last_name),
    // A customer's SMS marketing consent is consent to marketing on their phone: SMS and WhatsApp.
    consent:
      sms === undefined && email === undefined ? undefined : defined({ sms, whatsapp: sms, email }),
  });
}

function checkout(body: Json, topic: string): MappedDelivery {
  const token = text(body.token);
  if (!token) throw new MalformedDeliveryError('a checkout without its token');
  if (text(body.completed_at))
    return {
      items: [],
      ignored: `Shopify checkout ${token} is completed: its order tells the rest`,
    };
  const items = lineItems(body.line_items);
  return {
    items: [
      {
        contact: shopifyContact(body, asRecord(body.customer)),
        event: {
          // checkouts/create and every update of it are one `checkout_started`.
          id: `shopify:checkout:${token}`,
          name: 'checkout_started',
          properties: commerceProperties({
            source: 'shopify',
            cartId: token,
            total: text(body.total_price),
            currency: text(body.presentment_currency) ?? text(body.currency),
            items,
            cartUrl: text(body.abandoned_checkout_url),
            extra: defined({
              checkout_token: token,
              checkout_id: text(body.id),
              cart_token: text(body.cart_token),
              topic,
            }),
          }),
          ...(text(body.created_at) ? { timestamp: text(body.created_at) } : {}),
        },
      },
    ],
  };
}

function order(body: Json, topic: string): MappedDelivery {
  const id = text(body.id);
  if (!id) throw new MalformedDeliveryError('an order without its id');
  const key = text(body.checkout_token) ?? text(body.cart_token);
  return {
    items: [
      {
        contact: shopifyContact(body, asRecord(body.customer)),
        event: {
          // orders/create and orders/paid are one `order_placed`, whichever comes first.
          id: `shopify:order:${id}`,
          name: 'order_placed',
          properties: commerceProperties({
            source: 'shopify',
            cartId: key,
            total: text(body.total_price),
            currency: text(body.presentment_currency) ?? text(body.currency),
            items: lineItems(body.line_items),
            extra: defined({
              order_id: id,
              order_number: text(body.name) ?? text(body.order_number),
              checkout_token: text(body.checkout_token),
              cart_token: text(body.cart_token),
              revenue: text(body.total_price),
              financial_status: text(body.financial_status),
              topic,
            }),
          }),
          ...(text(body.created_at) ? { timestamp: text(body.created_at) } : {}),
        },
      },
    ],
  };
}

export function mapShopify(topic: string, body: unknown): MappedDelivery {
  const resource = asRecord(body);
  if (Object.keys(resource).length === 0) throw new MalformedDeliveryError('not a JSON object');
  switch (topic) {
    case 'checkouts/create':
    case 'checkouts/update':
      return checkout(resource, topic);
    case 'orders/create':
    case 'orders/paid':
      return order(resource, topic);
    case 'customers/create':
    case 'customers/update':
      return { items: [{ contact: shopifyContact({}, resource) }] };
    default:
      return { items: [], ignored: `Shopify topic ${topic || '(none)'} is not one Ruta uses` };
  }
}
