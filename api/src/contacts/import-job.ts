import type { Readable } from 'node:stream';
import type { Sql } from '@ruta/platform';
import type { AppDeps } from '../deps';
import { ProblemError } from '../http/problem';
import { type CsvColumn, describeColumns, mapColumns } from './csv-columns';
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
    report([{ line: error.line, column: '(file)', message: error.message }]);
    return result;
  }
  if (!columns)
    report([{ line: 1, column: '(file)', message: 'the file is empty: it needs a header row' }]);
  else if (result.totalRows === 0)
    report([{ line: 2, column: '(file)', message: 'the file has a header but no rows' }]);
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
    const problem =
      error instanceof UploadError
        ? error
        : new ProblemError(400, {
            title: 'Upload interrupted',
            detail: `The file could not be read to the end (${(error as Error).message}); nothing was imported.`,
          });
    await failImport(sql, importId, String(problem.problem.detail ?? problem.problem.title));
    throw new ProblemError(problem.status, { ...problem.problem, importId });
  }
  if (staged.errorCount > 0) {
    const rowsWithErrors = new Set(staged.errors.map((e) => e.line)).size;
    await failImport(sql, importId, 'the file has errors', {
      list: staged.errors,
      count: staged.errorCount,
      totalRows: staged.totalRows,
    });
    throw new ProblemError(422, {
      title: 'The file has errors',
      detail: `${staged.errorCount} problem(s) in ${rowsWithErrors}${staged.errors.length < staged.errorCount ? '+' : ''} line(s); nothing was imported. Fix them and upload the file again.`,
      importId,
      errorCount: staged.errorCount,
      errors: staged.errors.map((e) => ({
        path: `lines[${e.line}].${e.column}`,
        message: e.message,
        line: e.line,
        column: e.column,
      })),
    });
  }
  await startImporting(sql, importId, staged.totalRows);
  void applyImport(sql, {
    id: importId,
    workspaceId: job.workspaceId,
    dryRun: job.dryRun,
    actor: job.actor,
  })
    .then((counts) => completeImport(sql, importId, { totalRows: counts.rows, ...counts }))
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
