import { z } from 'zod';

/** Where a source's events come from (DESIGN §11). */
export const SourcePlatform = z.enum(['shopify', 'tiendanube', 'woocommerce', 'segment']);
export type SourcePlatform = z.infer<typeof SourcePlatform>;
export const SOURCE_PLATFORMS = SourcePlatform.options;

/** ISO 3166-1 alpha-2: the country a phone number without its prefix is read in. */
const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'a two-letter country code, like MX')
  .transform((code) => code.toUpperCase())
  .optional();

/** A Shopify store: webhooks signed with the app's client secret (X-Shopify-Hmac-Sha256). */
export const ShopifySourceConfig = z.object({
  /** The store's permanent domain, e.g. tienda-sol.myshopify.com. */
  shopDomain: z
    .string()
    .regex(
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i,
      'the store domain, like tienda.myshopify.com',
    ),
  /** The app's client secret (or the store's webhook signing secret): verifies each webhook. */
  clientSecret: z.string().min(8, 'the client secret that signs the webhooks'),
  defaultCountry: Country,
});

/** A Tiendanube / Nuvemshop store: webhooks signed with the app secret; the API read with its token. */
export const TiendanubeSourceConfig = z.object({
  /** A number or its digits (Tiendanube's `user_id`). */
  storeId: z.coerce.string().regex(/^\d{1,20}$/, 'the numeric store id'),
  appSecret: z.string().min(8, "the app's client secret"),
  accessToken: z.string().min(8, "the store's access token"),
  defaultCountry: Country,
});

/** A WooCommerce site: webhooks signed with the secret set on each webhook. */
export const WooCommerceSourceConfig = z.object({
  siteUrl: z.string().url('the site address, like https://tienda.mx'),
  webhookSecret: z.string().min(8, 'the secret set on the WooCommerce webhooks'),
  defaultCountry: Country,
});

/** A Segment-compatible CDP (Segment, RudderStack, Jitsu): authenticated by its write key. */
export const SegmentSourceConfig = z.object({ defaultCountry: Country });

export const SourceConfigs = {
  shopify: ShopifySourceConfig,
  tiendanube: TiendanubeSourceConfig,
  woocommerce: WooCommerceSourceConfig,
  segment: SegmentSourceConfig,
} as const;

export type SourceConfigOf<P extends SourcePlatform> = z.infer<(typeof SourceConfigs)[P]>;

/** Fields stored sealed, accepted on write and never returned. */
export const SOURCE_SECRET_FIELDS: Record<SourcePlatform, readonly string[]> = {
  shopify: ['clientSecret'],
  tiendanube: ['appSecret', 'accessToken'],
  woocommerce: ['webhookSecret'],
  segment: [],
};

/** The events every source produces, keyed so a checkout's order finds its run (`cart_id`). */
export const SOURCE_EVENTS = {
  checkoutStarted: 'checkout_started',
  orderPlaced: 'order_placed',
} as const;
