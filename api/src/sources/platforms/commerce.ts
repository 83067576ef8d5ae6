import { asRecord, defined, type Json, text } from '../types';

/** One line of a cart or order, in the shape every source gives journeys. */
export interface Item {
  title?: string;
  quantity: number;
  price?: string;
  sku?: string;
  productId?: string;
  variantId?: string;
}

export function itemCount(items: Item[]): number {
  return items.reduce((sum, item) => sum + item.quantity, 0);
}

/** "MXN 899.00": what a message says about a total. */
export function formatTotal(total: string | undefined, currency: string | undefined) {
  if (!total) return undefined;
  return currency ? `${currency} ${total}` : total;
}

/**
 * The properties of `checkout_started` and `order_placed`, the same for every source: `cart_id` is
 * the key that joins a checkout to its order (the cart template's trigger entry key).
 */
export function commerceProperties(fields: {
  source: string;
  cartId: string | undefined;
  total: string | undefined;
  currency: string | undefined;
  items: Item[];
  cartUrl?: string | undefined;
  extra?: Json;
}): Json {
  return defined({
    source: fields.source,
    cart_id: fields.cartId,
    cart_total: formatTotal(fields.total, fields.currency),
    total: fields.total,
    currency: fields.currency,
    item_count: itemCount(fields.items),
    items: fields.items,
    cart_url: fields.cartUrl,
    ...fields.extra,
  });
}

export function quantity(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 1;
}

export const record = asRecord;
export const str = text;
