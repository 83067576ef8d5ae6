import { useQueryClient } from '@tanstack/react-query';
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
import { ColumnMapping } from './column-mapping';
import { defaultCountry, PHONE_COUNTRIES } from './phone-countries';
import './contacts.css';

/** The parts of an import's progress this page shows. */
type ImportStatus = Pick<
  Answer<(typeof client.contacts.imports)[':importId']['$get']>,
  'status' | 'processedRows' | 'totalRows' | 'created' | 'updated' | 'errors' | 'columns' | 'dryRun'
>;

/** A file as last read: the marketer's choice of columns and how the API read them. */
interface Read {
  file: File;
  /** Header → target for the columns the marketer chose to read otherwise; sent with the file. */
  mapping: Record<string, string>;
  /** How each column was read (header → target), as the API answered. */
  columns: Record<string, string>;
}

/** What a dry run found: how the columns are read and what importing would do. */
interface Preview extends Read {
  created: number;
  updated: number;
}

/** A file with bad rows: nothing imported; its columns can still be read otherwise. */
interface Refused extends Read {
  problems: RowProblem[];
}

interface ImportOptions {
  skipInvalid?: boolean;
  dryRun?: boolean;
  mapping?: Record<string, string>;
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
  const [refused, setRefused] = useState<Refused | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  /**
   * A new file is first read without writing anything (a dry run): the page shows how its columns
   * are read and what it would create and update, or its bad rows. Reading a column otherwise runs
   * the dry run again with the mapping (the file stays on screen meanwhile); importing sends the
   * file again with the same mapping.
   */
  async function importFile(file: File, options: ImportOptions = {}) {
    const mapping = options.mapping ?? {};
    const remapping = options.dryRun === true && options.mapping !== undefined;
    setError(undefined);
    if (!remapping) {
      setRefused(null);
      setPreview(null);
    }
    setBusy(true);
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
      setRefused(null);
      if (options.dryRun && status.status === 'completed') {
        setJob(null);
        setPreview({
          file,
          mapping,
          columns: started.columns, // in the file's order (the status keeps no order)
          created: status.created,
          updated: status.updated,
        });
        return;
      }
      setPreview(null);
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
    } catch (e) {
      setJob(null);
      const problem = e instanceof ApiError ? e.problem : undefined;
      const rows = problem?.errors as RowProblem[] | undefined;
      if (rows && rows.length > 0) {
        const { columns = {} } = problem as { columns?: Record<string, string> };
        setPreview(null);
        setRefused({ file, mapping, columns, problems: rows });
      } else setError(errorText(e, lang)); // a refused mapping leaves the file as shown
    } finally {
      setBusy(false);
    }
  }

  /** The marketer reads a column otherwise: the dry run again, with every choice so far. */
  const remap = (read: Read) => (header: string, target: string) =>
    void importFile(read.file, { dryRun: true, mapping: { ...read.mapping, [header]: target } });

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
          <ColumnMapping columns={preview.columns} disabled={busy} onRemap={remap(preview)} />
          <p className="help" data-testid="import-counts">
            {t('contacts.previewCounts', { created: preview.created, updated: preview.updated })}
          </p>
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void importFile(preview.file, { mapping: preview.mapping })}
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
          {Object.keys(refused.columns).length > 0 && (
            <>
              <h3>{t('contacts.previewTitle')}</h3>
              <ColumnMapping columns={refused.columns} disabled={busy} onRemap={remap(refused)} />
            </>
          )}
          <RowProblems title={t('contacts.problemsTitle')} problems={refused.problems} />
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              void importFile(refused.file, { skipInvalid: true, mapping: refused.mapping })
            }
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

function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
