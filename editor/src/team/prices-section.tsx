import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Answer, call, client, errorText } from '../api/client';
import { useCan } from '../auth/access';
import { currentLang } from '../i18n/index';
import { toast } from '../shell/toast';
import { MetaRatesPicker } from './meta-rates-picker';

type Prices = Answer<typeof client.workspace.$get>['prices'];

const CURRENCIES = ['MXN', 'BRL', 'COP', 'CLP', 'ARS', 'PEN', 'USD', 'EUR'];
const WHATSAPP = ['marketing', 'utility', 'authentication', 'service'] as const;
const OTHERS = ['sms', 'email', 'rcs'] as const;

/** The workspace's currency and what each message costs, read by everyone, set by the owner. */
export function PricesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const owner = useCan('workspace.own');
  const workspace = useQuery({
    queryKey: ['workspace'],
    queryFn: () => call(client.workspace.$get()),
  });
  const [prices, setPrices] = useState<Prices | null>(null);
  useEffect(() => {
    if (workspace.data) setPrices(workspace.data.prices);
  }, [workspace.data]);
  const save = useMutation({
    mutationFn: (next: Prices) => call(client.workspace.prices.$put({ json: next })),
    onSuccess: async () => {
      toast(t('prices.saved'));
      await queryClient.invalidateQueries({ queryKey: ['workspace'] });
    },
    onError: (error) => toast(errorText(error, currentLang()), 'error'),
  });
  if (!prices) return null;
  const number = (value: number, set: (n: number) => void, label: string, id: string) => (
    <label className="price-field" htmlFor={id} key={id}>
      <span>{label}</span>
      <input
        id={id}
        className="input input-sm"
        type="number"
        min={0}
        step="0.0001"
        value={value}
        disabled={!owner}
        onChange={(e) => set(Number(e.target.value))}
      />
    </label>
  );
  return (
    <section className="card team-section" aria-labelledby="prices-title" data-testid="prices">
      <div className="section-head">
        <h2 id="prices-title">{t('prices.title')}</h2>
      </div>
      <p className="help">{t('prices.help')}</p>
      <form
        className="prices-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(prices);
        }}
      >
        <label className="price-field" htmlFor="price-currency">
          <span>{t('prices.currency')}</span>
          <select
            id="price-currency"
            className="input input-sm"
            value={prices.currency}
            disabled={!owner}
            onChange={(e) => setPrices({ ...prices, currency: e.target.value })}
          >
            {[...new Set([prices.currency, ...CURRENCIES])].map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <MetaRatesPicker
          currency={prices.currency}
          disabled={!owner}
          onApply={(whatsapp, market) => {
            setPrices({ ...prices, whatsapp });
            toast(t('prices.metaApplied', { market }));
          }}
        />
        <fieldset className="prices-group">
          <legend>{t('prices.whatsapp')}</legend>
          {WHATSAPP.map((category) =>
            number(
              prices.whatsapp[category],
              (n) => setPrices({ ...prices, whatsapp: { ...prices.whatsapp, [category]: n } }),
              t(`prices.${category}`),
              `price-whatsapp-${category}`,
            ),
          )}
        </fieldset>
        {OTHERS.map((channel) =>
          number(
            prices[channel],
            (n) => setPrices({ ...prices, [channel]: n }),
            t(`prices.${channel}`),
            `price-${channel}`,
          ),
        )}
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={!owner || save.isPending}
          title={owner ? undefined : t('prices.ownerOnly')}
        >
          {t('prices.save')}
        </button>
      </form>
    </section>
  );
}
