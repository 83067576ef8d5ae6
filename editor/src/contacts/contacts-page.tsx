import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { call, client } from '../api/client';
import { useCan } from '../auth/access';
import { CsvImport } from './csv-import';

/** Contacts, with a streamed CSV import that shows progress and every bad row. */
export default function ContactsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  // Its own key: other pages cache single pages of contacts under ['contacts', …].
  const contacts = useInfiniteQuery({
    queryKey: ['contacts', 'pages', q],
    initialPageParam: undefined as { before: string; beforeId: string } | undefined,
    queryFn: ({ pageParam }) =>
      call(client.contacts.$get({ query: { ...(q ? { q } : {}), ...(pageParam ?? {}) } })),
    getNextPageParam: (page) =>
      page.nextBefore && page.nextBeforeId
        ? { before: page.nextBefore, beforeId: page.nextBeforeId }
        : undefined,
  });
  const list = contacts.data?.pages.flatMap((page) => page.items) ?? [];
  const total = contacts.data?.pages[0]?.total;
  const canImport = useCan('contacts.write');
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('contacts.title')}</h1>
      </div>
      {canImport && <CsvImport />}
      <div className="row filters">
        <input
          className="input"
          placeholder={t('common.search')}
          aria-label={t('common.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <div className="card">
        <table className="table">
          <thead>
            <tr>
              <th>{t('contacts.name')}</th>
              <th>{t('contacts.phone')}</th>
              <th>{t('contacts.email')}</th>
              <th>{t('contacts.consent')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/contacts/${c.id}`} data-testid={`contact-${c.id}`}>
                    <strong>{c.name || c.phone || c.email || '—'}</strong>
                  </Link>
                </td>
                <td>{c.phone ?? '—'}</td>
                <td>{c.email ?? '—'}</td>
                <td>
                  {Object.entries(c.consent ?? {})
                    .filter(([, v]) => v?.granted)
                    .map(([k]) => t(`runs.words.channel.${k}`))
                    .join(', ') || '—'}
                </td>
                <td>
                  <Link href={`/sandbox/${c.id}`} className="btn btn-sm">
                    {t('nav.sandbox')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.length === 0 && !contacts.isLoading && <p className="empty">{t('common.none')}</p>}
        {total !== undefined && total > 0 && (
          <div className="row list-foot">
            <span className="help" data-testid="contacts-count">
              {t('contacts.shown', { shown: list.length, count: total })}
            </span>
            {contacts.hasNextPage && (
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => void contacts.fetchNextPage()}
                disabled={contacts.isFetchingNextPage}
              >
                {t('contacts.more')}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
