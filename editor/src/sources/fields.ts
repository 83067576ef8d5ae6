import { SOURCE_SECRET_FIELDS, type SourcePlatform } from '@ruta/shared';

/** The config fields of each platform, in the order the form shows them. */
export const SOURCE_FIELDS: Record<SourcePlatform, readonly string[]> = {
  shopify: ['shopDomain', 'clientSecret', 'defaultCountry'],
  tiendanube: ['storeId', 'appSecret', 'accessToken', 'defaultCountry'],
  woocommerce: ['siteUrl', 'webhookSecret', 'defaultCountry'],
  segment: ['defaultCountry'],
};

export const isSourceSecret = (platform: SourcePlatform, field: string) =>
  SOURCE_SECRET_FIELDS[platform].includes(field);

/**
 * The form's values as a config: empty optional fields left out; on edit, an empty secret is left
 * out too (the stored one stays).
 */
export function toSourceConfig(
  platform: SourcePlatform,
  values: Record<string, string>,
): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of SOURCE_FIELDS[platform]) {
    const value = (values[field] ?? '').trim();
    if (value === '') continue;
    config[field] = field === 'defaultCountry' ? value.toUpperCase() : value;
  }
  return config;
}
