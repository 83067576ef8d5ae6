/**
 * Meta's published WhatsApp Business Platform rates, in USD per delivered message, for the
 * markets Ruta's shops sell to: the starting point a workspace's owner picks in «Equipo y
 * acceso» before writing their own (their BSP adds its fee on top).
 *
 * Source: Meta, "Pricing" — developers.facebook.com/documentation/business-messaging/whatsapp/pricing
 * (rate card in USD, per-message pricing since 2025-07-01; the card effective 2026-10-01 keeps
 * these markets' rates). Since 2026-10-01 service messages are billed at the market's utility
 * rate after the first 1,000 per business number each month (reported by BSPs' changelogs): a
 * small shop stays inside that allowance, so Ruta starts service at 0; one above it writes the
 * utility rate there.
 */
export interface WhatsAppRates {
  marketing: number;
  utility: number;
  authentication: number;
  service: number;
}

export const META_RATE_CARD_DATE = '2026-10-01';

const rates = (marketing: number, utility: number): WhatsAppRates => ({
  marketing,
  utility,
  authentication: utility,
  service: 0,
});

/** Markets by ISO 3166 code; `LATAM` is Meta's "Rest of Latin America", `NA` North America. */
export const META_WHATSAPP_RATES_USD = {
  MX: rates(0.0436, 0.0085),
  BR: rates(0.0625, 0.0068),
  CO: rates(0.0125, 0.0008),
  AR: rates(0.0618, 0.026),
  CL: rates(0.0889, 0.02),
  PE: rates(0.0703, 0.02),
  LATAM: rates(0.074, 0.0113),
  NA: rates(0.025, 0.004),
} as const satisfies Record<string, WhatsAppRates>;

export type MetaMarket = keyof typeof META_WHATSAPP_RATES_USD;
export const META_MARKETS = Object.keys(META_WHATSAPP_RATES_USD) as MetaMarket[];

/** The market whose card a workspace's currency suggests (MXN → México…), Mexico otherwise. */
export function suggestedMetaMarket(currency: string): MetaMarket {
  const byCurrency: Record<string, MetaMarket> = {
    MXN: 'MX',
    BRL: 'BR',
    COP: 'CO',
    ARS: 'AR',
    CLP: 'CL',
    PEN: 'PE',
  };
  return byCurrency[currency] ?? 'MX';
}
