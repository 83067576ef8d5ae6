import type { Readable } from 'node:stream';
import type { Sql } from '@ruta/platform';
import type { AppDeps } from '../deps';
import { ProblemError, problem, problemBody } from '../http/problem';
import { type CsvColumn, describeColumns, mapColumns } from './csv-columns';
import { rowError } from './csv-errors';
import { CsvSyntaxError, csvRecords } from './csv-records';
import { type ImportRow, type RowError, validateRow } from './csv-row';
import { openCsvUpload, UploadError } from './csv-upload';
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
  errors: RowError[];
  errorCount: number;
}

async function stage(sql: Sql, importId: string, rows: ImportRow[]) {
  if (rows.length === 0) return;
  await sql`
    insert into contact_import_rows (import_id, line, data)
    select ${importId}, (r->>'line')::int, r from jsonb_array_elements(${sql.json(rows as never)}::jsonb) r`;
}

/**
 * Reads the CSV as it arrives: maps the header, validates every row (all problems are collected),
 * and stages the good rows while no bad one has been seen. Memory holds one batch at a time.
 */
async function readAndValidate(sql: Sql, importId: string, stream: Readable): Promise<Staged> {
  const result: Staged = { totalRows: 0, errors: [], errorCount: 0 };
  const report = (errors: RowError[]) => {
    result.errorCount += errors.length;
    for (const error of errors)
      if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(error);
  };
  let columns: CsvColumn[] | undefined;
  let batch: ImportRow[] = [];
  const flush = async () => {
    if (result.errorCount === 0) await stage(sql, importId, batch);
    batch = [];
    await recordProgress(sql, importId, { processedRows: result.totalRows });
  };
  try {
    for await (const record of csvRecords(stream)) {
      if (!columns) {
        const mapped = mapColumns(record.fields);
        columns = mapped.columns;
        await recordColumns(sql, importId, describeColumns(columns));
        if (mapped.problems.length > 0) {
          report(mapped.problems.map((p) => ({ line: record.line, ...p })));
          return result; // every row would be read wrong: stop here
        }
        continue;
      }
      result.totalRows += 1;
      const checked = validateRow(columns, record.fields, record.line);
      if (checked.row) {
        if (result.errorCount === 0) batch.push(checked.row);
      } else report(checked.errors);
      if (result.totalRows % STAGE_BATCH === 0) await flush();
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    report([rowError(error.line, '(file)', 'csv_syntax', { reason: error.message })]);
    return result;
  }
  if (!columns) report([rowError(1, '(file)', 'csv_empty', {})]);
  else if (result.totalRows === 0) report([rowError(2, '(file)', 'csv_no_rows', {})]);
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
}

/**
 * `POST /contacts/import`: streams the upload through validation into staging. Bad rows → 422
 * listing each (nothing is imported); otherwise the job goes on in the background — one
 * transaction writes every row — and the caller polls `GET /contacts/imports/{id}`.
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
    staged = await readAndValidate(sql, importId, upload.stream);
  } catch (error) {
    const failed =
      error instanceof UploadError
        ? error.problem
        : problemBody('upload_interrupted', { reason: (error as Error).message });
    await failImport(sql, importId, failed.detail);
    throw new ProblemError({ ...failed, importId });
  }
  if (staged.errorCount > 0) {
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
  await startImporting(sql, importId, staged.totalRows);
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
  return {
    importId,
    status: 'processing' as const,
    dryRun: job.dryRun,
    totalRows: staged.totalRows,
  };
}
