import { type Channel, META_WHATSAPP_RATES_USD } from '@ruta/shared';

/** Prices per message in the workspace's currency, kept in workspace settings (`prices`). */
export interface Prices {
  currency: string;
  whatsapp: { marketing: number; utility: number; authentication: number; service: number };
  sms: number;
  email: number;
  rcs: number;
}

/**
 * Defaults in USD: Meta's rate card for Mexico (shared's META_WHATSAPP_RATES_USD) and roughly
 * Twilio's SMS rate there; workspaces set their own.
 */
export const DEFAULT_PRICES: Prices = {
  currency: 'USD',
  whatsapp: { ...META_WHATSAPP_RATES_USD.MX },
  sms: 0.0497,
  email: 0.0009,
  rcs: 0.01,
};

export function pricesFrom(settings: unknown): Prices {
  const custom = (settings as { prices?: Partial<Prices> } | null)?.prices;
  return custom
    ? { ...DEFAULT_PRICES, ...custom, whatsapp: { ...DEFAULT_PRICES.whatsapp, ...custom.whatsapp } }
    : DEFAULT_PRICES;
}

/**
 * What one message costs: WhatsApp by pricing category (a template outside the 24-hour window is
 * "marketing"; a session reply inside it is "service"), SMS per segment.
 */
export function messageCost(
  prices: Prices,
  channel: Channel,
  details: { pricingCategory?: string; segments?: number },
): number {
  switch (channel) {
    case 'whatsapp': {
      const category = (details.pricingCategory ?? 'marketing') as keyof Prices['whatsapp'];
      return prices.whatsapp[category] ?? prices.whatsapp.marketing;
    }
    case 'sms':
      return prices.sms * (details.segments ?? 1);
    case 'email':
      return prices.email;
    case 'rcs':
      return prices.rcs;
  }
}
