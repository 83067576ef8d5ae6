import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of the raw bytes, as base64 (Shopify, WooCommerce) or lowercase hex (Tiendanube). */
export function hmacSha256(secret: string, raw: Uint8Array, encoding: 'base64' | 'hex'): string {
  return createHmac('sha256', secret).update(raw).digest(encoding);
}

/** The header against the HMAC of the raw bytes, in constant time; a missing header fails. */
export function verifyHmac(
  secret: string,
  raw: Uint8Array,
  header: string | undefined,
  encoding: 'base64' | 'hex',
): boolean {
  if (!header) return false;
  const expected = Buffer.from(hmacSha256(secret, raw, encoding));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
