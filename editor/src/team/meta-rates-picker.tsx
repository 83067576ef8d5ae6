import {
  META_MARKETS,
  META_RATE_CARD_DATE,
  META_WHATSAPP_RATES_USD,
  type MetaMarket,
  suggestedMetaMarket,
  type WhatsAppRates,
} from '@ruta/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Fills the WhatsApp prices with Meta's published rates for one market (a starting point the
 * owner reviews and saves). Meta's card is in USD, so it only applies to a USD price list.
 */
export function MetaRatesPicker({
  currency,
  disabled,
  onApply,
}: {
  currency: string;
  disabled: boolean;
  onApply: (rates: WhatsAppRates, market: string) => void;
}) {
  const { t } = useTranslation();
  const [market, setMarket] = useState<MetaMarket>(() => suggestedMetaMarket(currency));
  const usd = currency === 'USD';
  return (
    <fieldset className="prices-group meta-rates" data-testid="meta-rates">
      <legend>{t('prices.metaTitle')}</legend>
      <p className="help">{t('prices.metaHelp', { date: META_RATE_CARD_DATE })}</p>
      <label className="price-field" htmlFor="meta-market">
        <span>{t('prices.metaMarket')}</span>
        <select
          id="meta-market"
          className="input input-sm"
          value={market}
          disabled={disabled}
          onChange={(e) => setMarket(e.target.value as MetaMarket)}
        >
          {META_MARKETS.map((code) => (
            <option key={code} value={code}>
              {t(`prices.market_${code}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-sm"
        disabled={disabled || !usd}
        title={usd ? undefined : t('prices.metaUsdOnly', { currency })}
        onClick={() =>
          onApply({ ...META_WHATSAPP_RATES_USD[market] }, t(`prices.market_${market}`))
        }
      >
        {t('prices.metaApply')}
      </button>
      {!usd && <p className="help">{t('prices.metaUsdOnly', { currency })}</p>}
    </fieldset>
  );
}
