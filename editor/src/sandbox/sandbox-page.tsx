import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ShoppingCart } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call, client } from '../api/client';
import { currentLang } from '../i18n/index';
import { Phone } from './phone';
import './sandbox.css';
import { useCan } from '../auth/access';

/** The sandbox inbox: every contact's conversation as a phone, to reply, tap buttons, open or click. */
export default function SandboxPage({ contactId }: { contactId?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const canUse = useCan('sandbox.use');
  const contacts = useQuery({
    queryKey: ['contacts', ''],
    queryFn: () => call(client.contacts.$get({ query: {} })),
    refetchInterval: 5_000,
  });
  const list = contacts.data?.items ?? [];
  const selected = contactId ?? list[0]?.id;

  async function simulateCart() {
    const contact = list.find((c) => c.id === selected);
    if (!contact || (!contact.phone && !contact.email)) return;
    const cart = `C-${Math.floor(Math.random() * 100_000)}`;
    await call(
      client.events.$post({
        json: {
          id: `sandbox-${cart}-${Date.now()}`,
          name: 'cart_abandoned',
          contact: contact.phone ? { phone: contact.phone } : { email: contact.email ?? '' },
          properties:
            currentLang() === 'pt'
              ? {
                  cart_id: cart,
                  cart_total: 'R$ 249,90',
                  item_count: 3,
                  cart_url: `https://sua-loja.example/carrinho/${cart}`,
                }
              : {
                  cart_id: cart,
                  cart_total: '$1,299.00',
                  item_count: 3,
                  cart_url: `https://tienda.example/carrito/${cart}`,
                },
        },
      }),
    );
    await queryClient.invalidateQueries({ queryKey: ['conversation', selected] });
  }

  return (
    <div className="sandbox">
      <aside className="sandbox-contacts" aria-label={t('sandbox.pickContact')}>
        <h3>{t('sandbox.title')}</h3>
        <p className="help">{t('sandbox.subtitle')}</p>
        {list.map((c) => (
          <button
            type="button"
            key={c.id}
            className={c.id === selected ? 'contact-item active' : 'contact-item'}
            onClick={() => navigate(`/sandbox/${c.id}`)}
          >
            <strong>{c.name || c.phone || c.email}</strong>
            <span className="help">{c.phone ?? c.email}</span>
          </button>
        ))}
      </aside>
      <section className="sandbox-main">
        {selected ? (
          <>
            <Phone contactId={selected} />
            {canUse && (
              <button
                type="button"
                className="btn"
                onClick={() => void simulateCart()}
                data-testid="simulate-cart"
              >
                <ShoppingCart size={15} /> {t('sandbox.triggerCart')}
              </button>
            )}
          </>
        ) : (
          <p className="empty">{t('sandbox.pickContact')}</p>
        )}
      </section>
    </div>
  );
}
