import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Answer,
  ApiError,
  call,
  client,
  errorText,
  type FieldError,
  fieldText,
  uploadCsv,
} from '../api/client';
import { currentLang } from '../i18n/index';
import { defaultCountry, PHONE_COUNTRIES } from './phone-countries';
import './contacts.css';

/** The parts of an import's progress this page shows. */
type ImportStatus = Pick<
  Answer<(typeof client.contacts.imports)[':importId']['$get']>,
  'status' | 'processedRows' | 'totalRows' | 'created' | 'updated' | 'errors' | 'columns' | 'dryRun'
>;

/** What a dry run found: how the columns are read and what importing would do. */
interface Preview {
  file: File;
  columns: Record<string, string>;
  created: number;
  updated: number;
}

/** A bad row as the API lists it: the line and column it is in, and why. */
type RowProblem = Pick<FieldError, 'code' | 'params' | 'message' | 'message_es' | 'message_pt'> & {
  line?: number;
  column?: string;
};

const SHOWN = 50;

/**
 * A CSV import people can use: where local phones are from, progress as the file streams in,
 * every bad row in the page (line, column, why, in the user's language), and the choice to import
 * the rows without problems.
 */
export function CsvImport() {
  const { t } = useTranslation();
  const lang = currentLang();
  const queryClient = useQueryClient();
  const [country, setCountry] = useState(defaultCountry);
  const [job, setJob] = useState<ImportStatus | null>(null);
  const [refused, setRefused] = useState<{ file: File; problems: RowProblem[] } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string>();

  /**
   * A new file is first read without writing anything (a dry run): the page shows how its columns
   * are read and what it would create and update, or its bad rows. Importing sends it again.
   */
  async function importFile(file: File, options: { skipInvalid?: boolean; dryRun?: boolean } = {}) {
    setError(undefined);
    setRefused(null);
    setPreview(null);
    setJob({
      status: 'processing',
      processedRows: 0,
      totalRows: null,
      created: 0,
      updated: 0,
      errors: [],
      columns: {},
      dryRun: options.dryRun ?? false,
    });
    try {
      const started = await uploadCsv(file, { country, ...options });
      let status: ImportStatus;
      for (;;) {
        status = await call(
          client.contacts.imports[':importId'].$get({ param: { importId: started.importId } }),
        );
        setJob(status);
        if (status.status !== 'processing') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      if (options.dryRun && status.status === 'completed') {
        setJob(null);
        setPreview({
          file,
          columns: status.columns,
          created: status.created,
          updated: status.updated,
        });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
    } catch (e) {
      setJob(null);
      const rows =
        e instanceof ApiError ? (e.problem.errors as RowProblem[] | undefined) : undefined;
      if (rows && rows.length > 0) setRefused({ file, problems: rows });
      else setError(errorText(e, lang));
    }
  }

  const percent = job?.totalRows
    ? Math.round((100 * job.processedRows) / job.totalRows)
    : job?.status === 'completed'
      ? 100
      : undefined;
  return (
    <>
      <div className="row csv-import">
        <label className="help" htmlFor="csv-country">
          {t('contacts.country')}
        </label>
        <select
          id="csv-country"
          className="input input-sm"
          value={country}
          onChange={(e) => setCountry(e.target.value)}
          data-testid="csv-country"
        >
          <option value="">{t('contacts.countryNone')}</option>
          {PHONE_COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {countryName(code, lang)}
            </option>
          ))}
        </select>
        <label className="btn btn-primary">
          ⇪ {t('contacts.import')}
          <input
            type="file"
            accept=".csv,text/csv"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file, { dryRun: true });
            }}
            data-testid="csv-input"
          />
        </label>
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
            <RowProblems
              title={t(job.status === 'completed' ? 'contacts.skippedTitle' : 'contacts.badRows')}
              problems={job.errors}
            />
          )}
        </div>
      )}
      {preview && (
        <div className="card import-card" data-testid="import-preview">
          <h3>{t('contacts.previewTitle')}</h3>
          <table className="table table-compact">
            <thead>
              <tr>
                <th>{t('contacts.column')}</th>
                <th>{t('contacts.readAs')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(preview.columns).map(([header, target]) => (
                <tr key={header}>
                  <td>{header}</td>
                  <td>{columnWords(t, target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="help">
            {t('contacts.previewCounts', { created: preview.created, updated: preview.updated })}
          </p>
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void importFile(preview.file)}
              data-testid="import-confirm"
            >
              {t('contacts.importNow')}
            </button>
            <button type="button" className="btn" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {refused && (
        <div className="card import-card" data-testid="import-problems">
          <RowProblems title={t('contacts.problemsTitle')} problems={refused.problems} />
          <button
            type="button"
            className="btn"
            onClick={() => void importFile(refused.file, { skipInvalid: true })}
            data-testid="import-valid-rows"
          >
            {t('contacts.importValid')}
          </button>
        </div>
      )}
      {error && <p className="notice notice-error">{error}</p>}
    </>
  );
}

function RowProblems({ title, problems }: { title: string; problems: RowProblem[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <>
      <h3>{title}</h3>
      <table className="table table-compact">
        <thead>
          <tr>
            <th>{t('contacts.line')}</th>
            <th>{t('contacts.column')}</th>
            <th>{t('contacts.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several problems, in order
            <tr key={i}>
              <td>{p.line ?? ''}</td>
              <td>{p.column ?? ''}</td>
              <td>{fieldText(p, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN && (
        <p className="help">{t('contacts.moreProblems', { n: problems.length - SHOWN })}</p>
      )}
    </>
  );
}

/** How a column is read, in words: `phone` → Teléfono, `attributes.talla` → dato «talla». */
function columnWords(t: TFunction, target: string): string {
  const [kind, name = ''] = target.split('.');
  if (kind === 'consent')
    return t('contacts.readConsent', { channel: t(`runs.words.channel.${name}`) });
  if (kind === 'attributes') return t('contacts.readAttribute', { name });
  return t(`contacts.fields.${target}`, { defaultValue: target });
}

function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
