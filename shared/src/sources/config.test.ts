import { describe, expect, test } from 'vitest';
import { SourceConfigs } from './config';

describe('source configs', () => {
  test('take what stores give as they give it', () => {
    expect(
      SourceConfigs.tiendanube.parse({
        storeId: 1234567,
        appSecret: 'secret-0001',
        accessToken: 'token-0001',
        defaultCountry: 'ar',
      }),
    ).toMatchObject({ storeId: '1234567', defaultCountry: 'AR' });
    expect(
      SourceConfigs.shopify.safeParse({ shopDomain: 'tienda.myshopify.com', clientSecret: 'x' })
        .success,
    ).toBe(false);
    expect(
      SourceConfigs.shopify.safeParse({ shopDomain: 'https://x', clientSecret: 'shpss_000000' })
        .success,
    ).toBe(false);
  });
});
