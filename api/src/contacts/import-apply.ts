import type { Sql } from '@ruta/platform';
import { defaultTimeZoneForPhone } from '@ruta/shared';
import type { Tx } from '../db';
import type { ImportRow } from './csv-row';
import { consentRecords } from './fields';
import { recordProgress } from './import-store';

const BATCH = 1_000;

class DryRunRollback extends Error {}

const identityKeys = (row: ImportRow) =>
  [
    row.externalId && `x:${row.externalId}`,
    row.phone && `p:${row.phone}`,
    row.email && `e:${row.email.toLowerCase()}`,
  ].filter((key): key is string => Boolean(key));

/** The longest prefix whose rows share no identifier: none of them can match another's contact. */
function independentPrefix(rows: ImportRow[]): ImportRow[] {
  const seen = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const keys = identityKeys(rows[i] as ImportRow);
    if (keys.some((key) => seen.has(key))) return rows.slice(0, i);
    for (const key of keys) seen.add(key);
  }
  return rows;
}

/**
 * The contact each row identifies: same external id; without one (or when no contact has it yet)
 * same phone, else same email, among contacts without another external id. One indexed lookup per
 * identifier (an OR over them would scan the workspace for every row).
 */
async function matchContacts(tx: Tx, workspaceId: string, rows: ImportRow[]) {
  const keys = rows.map((r) => ({
    line: r.line,
    external_id: r.externalId ?? null,
    phone: r.phone ?? null,
    email: r.email ?? null,
  }));
  return tx<{ line: number; contact_id: string | null }[]>`
    select i.line, m.id as contact_id
    from jsonb_to_recordset(${tx.json(keys as never)}::jsonb) as i(line int, external_id text, phone text, email text)
    left join lateral (
      select id from (
        select id, 0 as rank, created_at from contacts
        where workspace_id = ${workspaceId} and external_id = i.external_id
        union all
        select id, 1, created_at from contacts
        where workspace_id = ${workspaceId} and phone = i.phone and (i.external_id is null or external_id is null)
        union all
        select id, 2, created_at from contacts
        where workspace_id = ${workspaceId} and lower(email) = lower(i.email) and i.phone is null
          and (i.external_id is null or external_id is null)
      ) candidates
      order by rank, created_at
      limit 1
    ) m on true
    order by i.line`;
}

const RECORD = `line int, contact_id uuid, external_id text, phone text, email text, first_name text,
  last_name text, time_zone text, phone_time_zone text, locale text, tags text[], attributes jsonb, consent jsonb`;

/**
 * Writes rows that each touch a different contact: matched contacts get the row's non-empty cells
 * (attributes merged, tags added, consent recorded), the rest are created. The update names its
 * contacts by id so it stays an index lookup however large the workspace (statistics taken before
 * the import would otherwise make PostgreSQL scan the table for every set).
 */
async function writeRows(
  tx: Tx,
  workspaceId: string,
  rows: { row: ImportRow; contactId: string | null }[],
  at: string,
) {
  const input = rows.map(({ row, contactId }) => ({
    line: row.line,
    contact_id: contactId,
    external_id: row.externalId ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
    first_name: row.firstName ?? null,
    last_name: row.lastName ?? null,
    time_zone: row.timeZone ?? null,
    phone_time_zone: defaultTimeZoneForPhone(row.phone) ?? null,
    locale: row.locale ?? null,
    tags: row.tags,
    attributes: row.attributes,
    consent: consentRecords(row.consent, 'import', at),
  }));
  const matched = input.filter((r) => r.contact_id);
  const fresh = input.filter((r) => !r.contact_id);
  if (matched.length > 0) {
    await tx`
      update contacts c set
        external_id = coalesce(c.external_id, i.external_id),
        phone = coalesce(i.phone, c.phone), email = coalesce(i.email, c.email),
        first_name = coalesce(i.first_name, c.first_name), last_name = coalesce(i.last_name, c.last_name),
        time_zone = coalesce(i.time_zone, c.time_zone, i.phone_time_zone),
        locale = coalesce(i.locale, c.locale),
        tags = c.tags || array(select t from unnest(i.tags) t where not t = any(c.tags)),
        attributes = c.attributes || i.attributes,
        consent = merge_consent(c.consent, i.consent),
        updated_at = now()
      from jsonb_to_recordset(${tx.json(matched as never)}::jsonb) as i(${tx.unsafe(RECORD)})
      where c.id = any(${matched.map((r) => r.contact_id as string)}::uuid[])
        and c.id = i.contact_id and c.workspace_id = ${workspaceId}`;
  }
  if (fresh.length > 0) {
    await tx`
      insert into contacts (workspace_id, external_id, phone, email, first_name, last_name, time_zone, locale,
                            tags, attributes, consent, created_at, updated_at)
      select ${workspaceId}, i.external_id, i.phone, i.email, i.first_name, i.last_name,
             coalesce(i.time_zone, i.phone_time_zone), i.locale, i.tags, i.attributes, i.consent,
             clock_timestamp(), clock_timestamp()
      from jsonb_to_recordset(${tx.json(fresh as never)}::jsonb) as i(${tx.unsafe(RECORD)})
      order by i.line`;
  }
  return { created: fresh.length, updated: matched.length };
}

/**
 * Upserts rows in file order. Rows go in sets that touch distinct contacts — a row naming the same
 * person as an earlier one waits for the next set, so it updates what the earlier one wrote.
 */
async function upsertRows(tx: Tx, workspaceId: string, rows: ImportRow[], at: string) {
  const counts = { created: 0, updated: 0 };
  let rest = rows;
  while (rest.length > 0) {
    const candidates = independentPrefix(rest);
    const matches = await matchContacts(tx, workspaceId, candidates);
    const touched = new Set<string>();
    const set: { row: ImportRow; contactId: string | null }[] = [];
    for (const [i, match] of matches.entries()) {
      if (match.contact_id && touched.has(match.contact_id)) break;
      if (match.contact_id) touched.add(match.contact_id);
      set.push({ row: candidates[i] as ImportRow, contactId: match.contact_id });
    }
    const written = await writeRows(tx, workspaceId, set, at);
    counts.created += written.created;
    counts.updated += written.updated;
    rest = rest.slice(set.length);
  }
  return counts;
}

/** One import per workspace at a time; a waiting job keeps its progress fresh (not taken for dead). */
async function waitForTurn(tx: Tx, sql: Sql, job: { id: string; workspaceId: string }) {
  const key = `contact-import:${job.workspaceId}`;
  for (;;) {
    const [lock] = await tx<
      { ok: boolean }[]
    >`select pg_try_advisory_xact_lock(hashtext(${key})) as ok`;
    if (lock?.ok) return;
    await sql`update contact_imports set updated_at = now() where id = ${job.id}`;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Writes every staged row of the import, in file order, in ONE transaction: a failure anywhere
 * leaves the contacts as they were. Progress is recorded outside the transaction as it goes.
 * Imports of one workspace run one at a time. A dry run does all of it and rolls back.
 */
export async function applyImport(
  sql: Sql,
  job: { id: string; workspaceId: string; dryRun: boolean; actor?: string },
): Promise<{ created: number; updated: number; rows: number }> {
  const counts = { created: 0, updated: 0, rows: 0 };
  const at = new Date().toISOString();
  try {
    await sql.begin(async (tx) => {
      if (job.actor) await tx`select set_config('ruta.actor', ${job.actor}, true)`;
      await waitForTurn(tx, sql, job);
      let after = 0;
      for (;;) {
        const staged = await tx<{ line: number; data: ImportRow }[]>`
          select line, data from contact_import_rows
          where import_id = ${job.id} and line > ${after} order by line limit ${BATCH}`;
        if (staged.length === 0) break;
        const written = await upsertRows(
          tx,
          job.workspaceId,
          staged.map((s) => s.data),
          at,
        );
        counts.created += written.created;
        counts.updated += written.updated;
        counts.rows += staged.length;
        after = (staged.at(-1) as { line: number }).line;
        await recordProgress(sql, job.id, {
          processedRows: counts.rows,
          created: counts.created,
          updated: counts.updated,
        });
      }
      if (job.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return counts;
}
