import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { call, client } from '../api/client';
import { currentLang } from '../i18n/index';
import './contacts.css';
import { outcomeWord, RunStatusBadge } from '../runs/run-status';
import { storyText } from './story-text';

const CHANNELS = ['whatsapp', 'sms', 'email', 'rcs'] as const;

/**
 * One customer's whole story (seed 004's memory): who they are, what they agreed to, every journey
 * they walked and how it ended, and everything that happened on every channel, newest first.
 */
export default function ContactPage({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const contact = useQuery({
    queryKey: ['contact', contactId],
    queryFn: () => call(client.contacts[':id'].$get({ param: { id: contactId } })),
  });
  const story = useInfiniteQuery({
    queryKey: ['contact-story', contactId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        client.contacts[':id'].timeline.$get({
          param: { id: contactId },
          query: pageParam ? { before: pageParam } : {},
        }),
      ),
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
  const c = contact.data;
  if (!c) return <p className="empty">{t('common.loading')}</p>;
  const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '');
  const items = story.data?.pages.flatMap((page) => page.items) ?? [];
  const attributes = Object.entries(c.attributes ?? {});
  return (
    <div className="page contact-page">
      <div className="page-head">
        <div>
          <h1>{c.name || c.phone || c.email}</h1>
          <p className="subtitle">{[c.phone, c.email, c.externalId].filter(Boolean).join(' · ')}</p>
        </div>
        <Link href={`/sandbox/${c.id}`} className="btn btn-sm">
          {t('nav.sandbox')}
        </Link>
      </div>
      <p className={`notice ${c.whatsappWindow.open ? '' : 'notice-muted'}`}>
        {c.whatsappWindow.open
          ? t('contacts.story.windowOpen', { until: when(c.whatsappWindow.closesAt) })
          : t('contacts.story.windowClosed')}
      </p>
      <div className="contact-grid">
        <section className="card">
          <h2>{t('contacts.story.consent')}</h2>
          <dl className="facts">
            {CHANNELS.map((channel) => {
              const record = c.consent[channel];
              return (
                <div key={channel}>
                  <dt>{t(`runs.words.channel.${channel}`)}</dt>
                  <dd>
                    {!record
                      ? t('contacts.story.never')
                      : t(record.granted ? 'contacts.story.granted' : 'contacts.story.withdrawn', {
                          at: when(record.at),
                        })}
                  </dd>
                </div>
              );
            })}
          </dl>
          {(attributes.length > 0 || c.tags.length > 0) && <h2>{t('contacts.story.data')}</h2>}
          <dl className="facts">
            {attributes.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{String(value)}</dd>
              </div>
            ))}
            {c.tags.length > 0 && (
              <div>
                <dt>{t('contacts.story.tags')}</dt>
                <dd>{c.tags.join(', ')}</dd>
              </div>
            )}
          </dl>
        </section>
        <section className="card">
          <h2>{t('contacts.story.runs')}</h2>
          <table className="table table-compact">
            <tbody>
              {c.runs.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/runs/${r.id}`}>{r.journeyName}</Link>
                  </td>
                  <td>
                    <RunStatusBadge status={r.status} />
                  </td>
                  <td>{r.outcome ? outcomeWord(t, lang, r.outcome) : ''}</td>
                  <td className="muted">{when(r.startedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.runs.length === 0 && <p className="empty">{t('common.none')}</p>}
        </section>
      </div>
      <section className="card">
        <h2>{t('contacts.story.title')}</h2>
        <ol className="story" data-testid="contact-story">
          {items.map((item) => (
            <li
              key={`${item.kind}-${item.at}-${item.runId ?? ''}`}
              className={`story-${item.kind}`}
            >
              <span className="muted story-time">{when(item.at)}</span>
              <span className="story-text">
                {storyText(t, lang, item)}
                {typeof item.detail.text === 'string' && item.detail.text && (
                  <q className="story-quote">{item.detail.text}</q>
                )}
              </span>
            </li>
          ))}
        </ol>
        {items.length === 0 && !story.isLoading && (
          <p className="empty">{t('contacts.story.empty')}</p>
        )}
        {story.hasNextPage && (
          <button type="button" className="btn btn-sm" onClick={() => void story.fetchNextPage()}>
            {t('contacts.story.older')}
          </button>
        )}
      </section>
    </div>
  );
}
