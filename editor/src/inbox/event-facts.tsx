import { ExternalLink } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** The event's fields an agent knows by name, in the order they read them. */
const KNOWN = ['cart_total', 'item_count', 'cart_id', 'order_number', 'order_id'] as const;
/** Shown another way: the link to the cart, its lines. */
const SHOWN_ELSEWHERE = new Set(['cart_url', 'items']);

interface Line {
  title?: unknown;
  quantity?: unknown;
  price?: unknown;
}

const isUrl = (value: unknown): value is string =>
  typeof value === 'string' && /^https?:\/\//i.test(value);

function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * What the journey's event says (for a cart: its total, items and link): the known fields in
 * words, each line of the cart, and every other field as it came, under «Otros datos».
 */
export function EventFacts({ properties }: { properties: Record<string, unknown> }) {
  const { t } = useTranslation();
  const p = properties;
  const total = p.cart_total ?? (p.total ? [p.currency, p.total].filter(Boolean).join(' ') : null);
  const known: [string, unknown][] = [
    ['total', total],
    ...KNOWN.filter((k) => k !== 'cart_total').map((k): [string, unknown] => [k, p[k]]),
  ];
  const lines = Array.isArray(p.items) ? (p.items as Line[]) : [];
  const used = new Set<string>([...KNOWN, ...SHOWN_ELSEWHERE]);
  if (total) used.add('total').add('currency');
  const rest = Object.entries(p).filter(([k]) => !used.has(k));
  return (
    <div className="inbox-facts" data-testid="event-facts">
      <dl className="inbox-dl">
        {known
          .filter(([, value]) => value !== undefined && value !== null && value !== '')
          .map(([key, value]) => (
            <div key={key}>
              <dt>{t(`inbox.event.${key}`)}</dt>
              <dd className={key === 'total' ? 'inbox-total' : undefined}>{plain(value)}</dd>
            </div>
          ))}
      </dl>
      {lines.length > 0 && (
        <ul className="inbox-lines">
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the cart's lines, in order
            <li key={i}>
              <span>
                {t('inbox.event.line', {
                  quantity: plain(line.quantity ?? 1),
                  title: plain(line.title) || t('inbox.event.product'),
                })}
              </span>
              {line.price !== undefined && <span className="muted">{plain(line.price)}</span>}
            </li>
          ))}
        </ul>
      )}
      {isUrl(p.cart_url) && (
        <a href={p.cart_url} target="_blank" rel="noreferrer" className="inbox-link">
          {t('inbox.event.openCart')} <ExternalLink size={12} aria-hidden />
        </a>
      )}
      {rest.length > 0 && (
        <details className="inbox-more">
          <summary>{t('inbox.event.more')}</summary>
          <dl className="inbox-dl">
            {rest.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>
                  {isUrl(value) ? (
                    <a href={value} target="_blank" rel="noreferrer">
                      {value}
                    </a>
                  ) : (
                    plain(value)
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}
