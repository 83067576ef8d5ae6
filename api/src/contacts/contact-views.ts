import type { ContactRow } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { WHATSAPP_WINDOW_MS } from '@ruta/shared';
import type { Db } from '../db';
import { notFound } from '../http/problem';
import { CHANNELS, fold } from './fields';

/** The engine's contact row with what only the contacts resource shows. */
export interface ContactViewRow extends ContactRow {
  test_contact: boolean;
  created_at: Date;
  updated_at: Date;
  /** created_at to the microsecond, for the next page's `before`. */
  cursor: string;
}

const COLUMNS = (sql: Db) => sql`
  id, external_id, phone, email, first_name, last_name, time_zone, locale, attributes, tags, consent,
  last_inbound_at, test_contact, created_at, updated_at,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor`;

export function toContact(row: ContactViewRow) {
  const consent = Object.fromEntries(
    CHANNELS.map((channel) => {
      const record = row.consent?.[channel];
      return [
        channel,
        record
          ? {
              granted: record.granted === true,
              at: record.at ?? null,
              source: record.source ?? null,
            }
          : null,
      ];
    }),
  ) as Record<
    (typeof CHANNELS)[number],
    { granted: boolean; at: string | null; source: string | null } | null
  >;
  return {
    id: row.id,
    externalId: row.external_id,
    phone: row.phone,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    name: [row.first_name, row.last_name].filter(Boolean).join(' '),
    timeZone: row.time_zone,
    locale: row.locale,
    tags: row.tags ?? [],
    attributes: row.attributes ?? {},
    consent,
    lastInboundAt: row.last_inbound_at ?? {},
    testContact: row.test_contact,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findContactRow(sql: Db, workspaceId: string, id: string) {
  const [row] = await sql<ContactViewRow[]>`
    select ${COLUMNS(sql)} from contacts where id = ${id} and workspace_id = ${workspaceId}`;
  if (!row) throw notFound('contact', id);
  return row;
}

export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const FOLD_FROM = 'áàäâãåéèëêíìïîóòöôõúùüûñçÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÑÇ';
const FOLD_TO = 'aaaaaaeeeeiiiiooooouuuuncaaaaaaeeeeiiiiooooouuuunc';

/**
 * The contacts a search means: name (accents ignored), email, external id, or the digits of the
 * phone. `alias` qualifies the columns when contacts is joined (`ct`).
 */
export function contactSearch(sql: Sql, text: string, alias?: string) {
  const col = (name: string) => (alias ? sql`${sql(alias)}.${sql(name)}` : sql(name));
  const q = fold(text);
  const digits = /^[\d\s+\-().]+$/.test(q) ? q.replace(/\D/g, '') : '';
  return sql`(
    translate(lower(coalesce(${col('first_name')}, '') || ' ' || coalesce(${col('last_name')}, '')), ${FOLD_FROM}, ${FOLD_TO}) like ${likePattern(q)}
    or translate(lower(coalesce(${col('email')}, '')), ${FOLD_FROM}, ${FOLD_TO}) like ${likePattern(q)}
    or translate(lower(coalesce(${col('external_id')}, '')), ${FOLD_FROM}, ${FOLD_TO}) like ${likePattern(q)}
    ${digits ? sql`or ${col('phone')} like ${likePattern(digits)}` : sql``}
  )`;
}

export interface ContactFilters {
  q?: string;
  tag?: string;
  limit: number;
  before?: string;
  beforeId?: string;
}

/** Newest first; `q` matches name (accents ignored), email, external id, or the digits of the phone. */
export async function listContacts(sql: Sql, workspaceId: string, f: ContactFilters) {
  const search = f.q ? sql`and ${contactSearch(sql, f.q)}` : sql``;
  // `::text` first: the driver would turn a timestamptz parameter into a Date (milliseconds only).
  const page = f.before
    ? f.beforeId
      ? sql`and (created_at, id) < (${f.before}::text::timestamptz, ${f.beforeId}::uuid)`
      : sql`and created_at < ${f.before}::text::timestamptz`
    : sql``;
  const tag = f.tag ? sql`and tags @> ${[f.tag]}::text[]` : sql``;
  const [rows, [counted]] = await Promise.all([
    sql<ContactViewRow[]>`
      select ${COLUMNS(sql)} from contacts
      where workspace_id = ${workspaceId} ${tag} ${page} ${search}
      order by created_at desc, id desc
      limit ${f.limit + 1}`,
    sql<{ total: number }[]>`
      select count(*)::int as total from contacts where workspace_id = ${workspaceId} ${tag} ${search}`,
  ]);
  const items = rows.slice(0, f.limit);
  const last = rows.length > f.limit ? items.at(-1) : undefined;
  return {
    items: items.map(toContact),
    total: counted?.total ?? 0,
    nextBefore: last?.cursor ?? null,
    nextBeforeId: last?.id ?? null,
  };
}

/** The contact with consent per channel, the WhatsApp window, and its runs (newest 100). */
export async function contactDetail(sql: Sql, workspaceId: string, id: string) {
  const row = await findContactRow(sql, workspaceId, id);
  const runs = await sql<
    {
      id: string;
      journey_id: string;
      journey_name: string;
      status: string;
      outcome: string | null;
      current_node: string | null;
      preview: boolean;
      started_at: Date;
      ended_at: Date | null;
    }[]
  >`
    select r.id, r.journey_id, j.name as journey_name, r.status, r.outcome, r.current_node, r.preview,
           r.started_at, r.ended_at
    from runs r join journeys j on j.id = r.journey_id
    where r.contact_id = ${id} and r.workspace_id = ${workspaceId}
    order by r.started_at desc limit 100`;
  const lastWhatsapp = row.last_inbound_at?.whatsapp;
  const closesAt = lastWhatsapp
    ? new Date(new Date(lastWhatsapp).getTime() + WHATSAPP_WINDOW_MS)
    : null;
  return {
    ...toContact(row),
    whatsappWindow: {
      open: closesAt !== null && closesAt.getTime() > Date.now(),
      closesAt: closesAt?.toISOString() ?? null,
    },
    runs: runs.map((r) => ({
      id: r.id,
      journeyId: r.journey_id,
      journeyName: r.journey_name,
      status: r.status,
      outcome: r.outcome,
      currentNode: r.current_node,
      preview: r.preview,
      startedAt: r.started_at.toISOString(),
      endedAt: r.ended_at?.toISOString() ?? null,
    })),
  };
}
