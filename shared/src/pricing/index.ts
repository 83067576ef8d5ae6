export {
  META_MARKETS,
  META_RATE_CARD_DATE,
  META_WHATSAPP_RATES_USD,
  type MetaMarket,
  suggestedMetaMarket,
  type WhatsAppRates,
} from './meta-rates';
