import type { Sql } from '@ruta/platform';
import { notFound } from '../http/problem';
import type { RowError } from './csv-row';

/** Errors kept per job (the count is always exact). */
export const MAX_REPORTED_ERRORS = 1_000;
/** A job that made no progress for this long died with its process. */
const STALE_AFTER = '10 minutes';

interface ImportRow {
  id: string;
  status: 'processing' | 'completed' | 'failed';
  phase: 'validating' | 'importing' | 'done';
  dry_run: boolean;
  file_name: string | null;
  columns: Record<string, string>;
  total_rows: number | null;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  error_count: number;
  errors: RowError[];
  failure: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export async function createImport(
  sql: Sql,
  job: { workspaceId: string; dryRun: boolean; fileName: string | null; userId?: string },
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into contact_imports (workspace_id, dry_run, file_name, created_by)
    values (${job.workspaceId}, ${job.dryRun}, ${job.fileName}, ${job.userId ?? null})
    returning id`;
  return (row as { id: string }).id;
}

export async function recordProgress(
  sql: Sql,
  id: string,
  progress: { processedRows: number; created?: number; updated?: number },
) {
  await sql`
    update contact_imports set processed_rows = ${progress.processedRows},
      created_count = ${progress.created ?? 0}, updated_count = ${progress.updated ?? 0}, updated_at = now()
    where id = ${id}`;
}

export async function recordColumns(sql: Sql, id: string, columns: Record<string, string>) {
  await sql`update contact_imports set columns = ${sql.json(columns)}, updated_at = now() where id = ${id}`;
}

/** The whole file read and valid: the rows can now be written. */
/** The rows to write are staged; `skipped` lists the bad rows left out (when the caller asked to). */
export async function startImporting(
  sql: Sql,
  id: string,
  totalRows: number,
  skipped: { list: RowError[]; count: number } = { list: [], count: 0 },
) {
  await sql`
    update contact_imports set phase = 'importing', total_rows = ${totalRows}, processed_rows = 0,
      errors = ${sql.json(skipped.list.slice(0, MAX_REPORTED_ERRORS) as never)}, error_count = ${skipped.count},
      updated_at = now()
    where id = ${id}`;
}

export async function completeImport(
  sql: Sql,
  id: string,
  counts: { totalRows: number; created: number; updated: number },
) {
  await sql`
    update contact_imports set status = 'completed', phase = 'done', total_rows = ${counts.totalRows},
      processed_rows = ${counts.totalRows}, created_count = ${counts.created}, updated_count = ${counts.updated},
      updated_at = now(), finished_at = now()
    where id = ${id}`;
  await sql`delete from contact_import_rows where import_id = ${id}`;
}

/** Nothing was imported: the reason, and the bad rows if that was it. */
export async function failImport(
  sql: Sql,
  id: string,
  failure: string,
  errors: { list: RowError[]; count: number; totalRows?: number } = { list: [], count: 0 },
) {
  await sql`
    update contact_imports set status = 'failed', phase = 'done', failure = ${failure},
      errors = ${sql.json(errors.list.slice(0, MAX_REPORTED_ERRORS) as never)}, error_count = ${errors.count},
      total_rows = coalesce(${errors.totalRows ?? null}::int, total_rows), created_count = 0, updated_count = 0,
      updated_at = now(), finished_at = now()
    where id = ${id}`;
  await sql`delete from contact_import_rows where import_id = ${id}`;
}

export async function importStatus(sql: Sql, workspaceId: string, id: string) {
  await sql`
    update contact_imports set status = 'failed', phase = 'done', finished_at = now(),
      failure = 'interrupted: the server stopped while importing; nothing was imported, upload the file again'
    where id = ${id} and workspace_id = ${workspaceId} and status = 'processing'
      and updated_at < now() - ${STALE_AFTER}::interval`;
  const [row] = await sql<ImportRow[]>`
    select id, status, phase, dry_run, file_name, columns, total_rows, processed_rows, created_count,
           updated_count, error_count, errors, failure, created_at, finished_at
    from contact_imports where id = ${id} and workspace_id = ${workspaceId}`;
  if (!row) throw notFound('import', id);
  return {
    importId: row.id,
    status: row.status,
    phase: row.phase,
    dryRun: row.dry_run,
    fileName: row.file_name,
    columns: row.columns,
    processedRows: row.processed_rows,
    totalRows: row.total_rows,
    created: row.created_count,
    updated: row.updated_count,
    errorCount: row.error_count,
    errors: row.errors,
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
