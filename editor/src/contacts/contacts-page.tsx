import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  type Answer,
  ApiError,
  call,
  client,
  errorText,
  fieldText,
  uploadCsv,
} from '../api/client';
import { useCan } from '../auth/access';
import { currentLang } from '../i18n/index';

/** The parts of an import's progress this page shows. */
type ImportStatus = Pick<
  Answer<(typeof client.contacts.imports)[':importId']['$get']>,
  'status' | 'processedRows' | 'totalRows' | 'created' | 'updated' | 'errors'
>;

/** Contacts, with a streamed CSV import that shows progress and every bad row. */
export default function ContactsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const contacts = useQuery({
    queryKey: ['contacts', q],
    queryFn: () => call(client.contacts.$get({ query: q ? { q } : {} })),
  });
  const [job, setJob] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<string>();
  const list = contacts.data?.items ?? [];

  async function importFile(file: File) {
    setError(undefined);
    setJob({
      status: 'processing',
      processedRows: 0,
      totalRows: null,
      created: 0,
      updated: 0,
      errors: [],
    });
    try {
      const started = await uploadCsv(file);
      for (;;) {
        const status = await call(
          client.contacts.imports[':importId'].$get({ param: { importId: started.importId } }),
        );
        setJob(status);
        if (status.status !== 'processing') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
    } catch (e) {
      setError(errorText(e, currentLang()));
      setJob(null);
    }
  }

  const canImport = useCan('contacts.write');
  const percent = job?.totalRows
    ? Math.round((100 * job.processedRows) / job.totalRows)
    : job?.status === 'completed'
      ? 100
      : undefined;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('contacts.title')}</h1>
        {canImport && (
          <label className="btn btn-primary">
            ⇪ {t('contacts.import')}
            <input
              type="file"
              accept=".csv,text/csv"
              hidden
              onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
              data-testid="csv-input"
            />
          </label>
        )}
      </div>
      {job && (
        <div className="card import-card" data-testid="import-progress">
          <progress
            max={100}
            value={percent}
            aria-label={t('contacts.importing', { done: job.processedRows })}
          />
          <div className="help">
            {job.status === 'processing'
              ? t('contacts.importing', { done: job.processedRows })
              : job.status === 'completed'
                ? t('contacts.imported', { created: job.created, updated: job.updated })
                : t('contacts.badRows')}
          </div>
          {job.errors.length > 0 && (
            <ul className="error-text">
              {job.errors.slice(0, 50).map((e) => (
                <li key={`${e.line}-${e.column}`}>
                  #{e.line} {e.column ? `(${e.column})` : ''}: {fieldText(e, currentLang())}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && <p className="notice notice-error">{error}</p>}
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
                  <strong>{c.name || '—'}</strong>
                </td>
                <td>{c.phone ?? '—'}</td>
                <td>{c.email ?? '—'}</td>
                <td>
                  {Object.entries(c.consent ?? {})
                    .filter(([, v]) => v?.granted)
                    .map(([k]) => k)
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
      </div>
    </div>
  );
}
