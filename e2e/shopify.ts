import { createHmac } from 'node:crypto';
import { stack } from './browser';

/**
 * A store's side of a Shopify connection: webhook bodies in the shape of the documented examples
 * (https://shopify.dev/docs/api/webhooks?reference=toml, `checkouts/create`, `orders/create`),
 * posted as raw JSON and signed as
 * https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify
 * says: X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(client secret, raw body)).
 */
const customer = (phone: string) => `{
    "id": 603851970716743426,
    "email": "renata@example.com",
    "first_name": "Renata",
    "last_name": "Campos",
    "phone": "${phone}",
    "email_marketing_consent": { "state": "subscribed", "opt_in_level": "single_opt_in", "consent_updated_at": null },
    "sms_marketing_consent": { "state": "subscribed", "opt_in_level": "single_opt_in", "consent_updated_at": null, "consent_collected_from": "SHOPIFY" },
    "currency": "MXN"
  }`;

export function checkoutCreate(token: string, phone: string) {
  return `{
  "id": 981820079255243537,
  "token": "${token}",
  "cart_token": "cart-${token}",
  "email": "renata@example.com",
  "created_at": "2026-11-28T12:05:00-06:00",
  "currency": "MXN",
  "presentment_currency": "MXN",
  "completed_at": null,
  "phone": null,
  "customer_locale": "es-MX",
  "line_items": [{ "title": "Playera Sol", "quantity": 2, "price": "649.50", "product_id": 788032119674292922, "variant_id": 642667041472713922, "sku": "PLAY-SOL-M" }],
  "abandoned_checkout_url": "https:\\/\\/tienda-sol.myshopify.com\\/checkouts\\/ac\\/${token}\\/recover?key=e2e\\u0026locale=es-MX",
  "total_price": "1299.00",
  "subtotal_price": "1299.00",
  "billing_address": { "first_name": "Renata", "last_name": "Campos", "phone": "${phone}", "country_code": "MX" },
  "customer": ${customer(phone)}
}`;
}

export function orderCreate(id: string, token: string, phone: string) {
  return `{
  "id": ${id},
  "name": "#1013",
  "order_number": 1013,
  "checkout_token": "${token}",
  "cart_token": "cart-${token}",
  "email": "renata@example.com",
  "created_at": "2026-11-28T12:40:00-06:00",
  "currency": "MXN",
  "financial_status": "paid",
  "total_price": "1299.00",
  "line_items": [{ "id": 866550311766439020, "title": "Playera Sol", "quantity": 2, "price": "649.50", "product_id": 788032119674292922 }],
  "customer": ${customer(phone)}
}`;
}

/** Posts a webhook to the source's URL as Shopify does; answers the HTTP status. */
export async function postShopify(
  webhookPath: string,
  secret: string,
  topic: string,
  webhookId: string,
  body: string,
): Promise<number> {
  const res = await fetch(`${stack().baseUrl}${webhookPath}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body, 'utf8').digest('base64'),
      'x-shopify-shop-domain': 'tienda-sol.myshopify.com',
      'x-shopify-webhook-id': webhookId,
    },
    body,
  });
  return res.status;
}
