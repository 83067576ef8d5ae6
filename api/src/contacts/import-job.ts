import type { Readable } from 'node:stream';
import type { Sql } from '@ruta/platform';
import type { AppDeps } from '../deps';
import { ProblemError, problem, problemBody } from '../http/problem';
import {
  type ColumnMapping,
  type CsvColumn,
  describeColumns,
  type MappingError,
  mapColumns,
} from './csv-columns';
import { rowError } from './csv-errors';
import { CsvSyntaxError, csvRecords } from './csv-records';
import { type ImportRow, type RowError, validateRow } from './csv-row';
import { openCsvUpload } from './csv-upload';
import { applyImport } from './import-apply';
import {
  completeImport,
  createImport,
  failImport,
  MAX_REPORTED_ERRORS,
  recordColumns,
  recordProgress,
  startImporting,
} from './import-store';
import { sweepSegmentsAfterImport } from './segment-entry';

const STAGE_BATCH = 500;

interface Staged {
  totalRows: number;
  /** Rows that passed and were staged. */
  validRows: number;
  errors: RowError[];
  errorCount: number;
  /** The file itself could not be read (header, syntax, no rows): no row can be trusted. */
  unreadable: boolean;
  /** How each column was read (header → target), once the header is. */
  columns?: Record<string, string>;
}

interface ReadOptions {
  country?: string | undefined;
  /** Stage the good rows even after a bad one (the import then skips the bad ones). */
  skipInvalid: boolean;
  /** The marketer's reading of some columns, over the automatic one. */
  mapping?: ColumnMapping | undefined;
}

/** A mapping that does not fit the file: 400, naming the column. */
const refuse = (error: MappingError) =>
  error.code === 'mapping_column_unknown'
    ? problem(error.code, error.params)
    : problem(error.code, error.params);

async function stage(sql: Sql, importId: string, rows: ImportRow[]) {
  if (rows.length === 0) return;
  await sql`
    insert into contact_import_rows (import_id, line, data)
    select ${importId}, (r->>'line')::int, r from jsonb_array_elements(${sql.json(rows as never)}::jsonb) r`;
}

/**
 * Reads the CSV as it arrives: maps the header, validates every row (all problems are collected),
 * and stages the good rows while no bad one has been seen (or all of them, when bad rows are to be
 * skipped). Memory holds one batch at a time.
 */
async function readAndValidate(
  sql: Sql,
  importId: string,
  stream: Readable,
  options: ReadOptions,
): Promise<Staged> {
  const result: Staged = {
    totalRows: 0,
    validRows: 0,
    errors: [],
    errorCount: 0,
    unreadable: false,
  };
  const staging = () => options.skipInvalid || result.errorCount === 0;
  const report = (errors: RowError[]) => {
    result.errorCount += errors.length;
    for (const error of errors)
      if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(error);
  };
  let columns: CsvColumn[] | undefined;
  let batch: ImportRow[] = [];
  const flush = async () => {
    if (staging()) await stage(sql, importId, batch);
    batch = [];
    await recordProgress(sql, importId, { processedRows: result.totalRows });
  };
  try {
    for await (const record of csvRecords(stream)) {
      if (!columns) {
        const mapped = mapColumns(record.fields, options.mapping);
        if (mapped.refused) throw refuse(mapped.refused);
        columns = mapped.columns;
        result.columns = describeColumns(columns);
        await recordColumns(sql, importId, result.columns);
        if (mapped.problems.length > 0) {
          report(mapped.problems.map((p) => ({ line: record.line, ...p })));
          result.unreadable = true;
          return result; // every row would be read wrong: stop here
        }
        continue;
      }
      result.totalRows += 1;
      const checked = validateRow(columns, record.fields, record.line, options);
      if (checked.row) {
        result.validRows += 1;
        if (staging()) batch.push(checked.row);
      } else report(checked.errors);
      if (result.totalRows % STAGE_BATCH === 0) await flush();
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    report([rowError(error.line, '(file)', 'csv_syntax', { reason: error.message })]);
    result.unreadable = true;
    return result;
  }
  if (!columns) report([rowError(1, '(file)', 'csv_empty', {})]);
  else if (result.totalRows === 0) report([rowError(2, '(file)', 'csv_no_rows', {})]);
  if (!columns || result.totalRows === 0) result.unreadable = true;
  await flush();
  return result;
}

export interface ImportRequest {
  workspaceId: string;
  userId?: string;
  /** Who imports (`user:<id>` / `api_key:<id>`): recorded with each consent change. */
  actor?: string;
  dryRun: boolean;
  fileName?: string;
  /** Country of phones written without a prefix. */
  country?: string | undefined;
  /** Import the valid rows and skip the bad ones, instead of importing nothing. */
  skipInvalid?: boolean;
  /** Header → target for the columns not to be read the automatic way. */
  mapping?: ColumnMapping | undefined;
}

/**
 * `POST /contacts/import`: streams the upload through validation into staging. Bad rows → 422
 * listing each (nothing is imported) unless the caller asked to skip them and some rows are good;
 * otherwise the job goes on in the background — one transaction writes every (good) row — and the
 * caller polls `GET /contacts/imports/{id}`, which lists the skipped rows too.
 */
export async function receiveImport(deps: AppDeps, request: Request, job: ImportRequest) {
  const { sql, log } = deps;
  const upload = await openCsvUpload(request, job.fileName);
  const importId = await createImport(sql, {
    workspaceId: job.workspaceId,
    dryRun: job.dryRun,
    fileName: upload.fileName,
    userId: job.userId,
  });
  let staged: Staged;
  try {
    staged = await readAndValidate(sql, importId, upload.stream, {
      country: job.country,
      skipInvalid: job.skipInvalid ?? false,
      mapping: job.mapping,
    });
  } catch (error) {
    const failed =
      error instanceof ProblemError
        ? error.problem
        : problemBody('upload_interrupted', { reason: (error as Error).message });
    await failImport(sql, importId, failed.detail);
    throw new ProblemError({ ...failed, importId });
  }
  const skipping =
    staged.errorCount > 0 && job.skipInvalid === true && !staged.unreadable && staged.validRows > 0;
  if (staged.errorCount > 0 && !skipping) {
    const rowsWithErrors = new Set(staged.errors.map((e) => e.line)).size;
    await failImport(sql, importId, 'the file has errors', {
      list: staged.errors,
      count: staged.errorCount,
      totalRows: staged.totalRows,
    });
    throw problem(
      'import_has_errors',
      {
        errorCount: staged.errorCount,
        lines: rowsWithErrors,
        more: staged.errors.length < staged.errorCount,
      },
      {
        importId,
        ...(staged.columns ? { columns: staged.columns } : {}),
        errorCount: staged.errorCount,
        errors: staged.errors.map(({ line, column, ...error }) => ({
          path: `lines[${line}].${column}`,
          ...error,
          line,
          column,
        })),
      },
    );
  }
  await startImporting(sql, importId, staged.validRows, {
    list: staged.errors,
    count: staged.errorCount,
  });
  void applyImport(sql, {
    id: importId,
    workspaceId: job.workspaceId,
    dryRun: job.dryRun,
    actor: job.actor,
  })
    .then(async (counts) => {
      await completeImport(sql, importId, { totalRows: counts.rows, ...counts });
      // Contacts that now match a segment journey's conditions enter it (its sweep decides who).
      if (!job.dryRun)
        await sweepSegmentsAfterImport(deps, job.workspaceId, importId).catch((error) =>
          log.warn({ err: error, importId }, 'segment sweeps after the import did not start'),
        );
    })
    .catch(async (error) => {
      log.error({ err: error, importId }, 'contact import failed');
      await failImport(
        sql,
        importId,
        `could not write the contacts (${(error as Error).message}); nothing was imported`,
      ).catch(() => {});
    });
  const skippedLines = new Set(staged.errors.map((e) => e.line)).size;
  return {
    importId,
    status: 'processing' as const,
    dryRun: job.dryRun,
    totalRows: staged.validRows,
    skippedRows: staged.totalRows - staged.validRows,
    columns: staged.columns ?? {},
    ...(skipping ? { skipped: { rows: skippedLines, errors: staged.errors } } : {}),
  };
}
