import { defaultTimeZoneForPhone } from '@ruta/shared';
import type { Db } from '../db';
import { fieldProblem, problem } from '../http/problem';
import type { CreateContact, UpdateContact } from './contact-schemas';
import { findContactRow } from './contact-views';
import { consentRecords } from './fields';

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

const externalIdTaken = (externalId: string) =>
  problem(
    'external_id_taken',
    { externalId },
    { errors: [fieldProblem('externalId', 'duplicate', {})] },
  );

/**
 * The contact that events and imports would take this one for: same external id; or, without
 * one, same phone; or, without either, same email.
 */
async function sameIdentity(sql: Db, workspaceId: string, input: CreateContact) {
  const [field, match] = input.externalId
    ? (['externalId', sql`external_id = ${input.externalId}`] as const)
    : input.phone
      ? (['phone', sql`phone = ${input.phone}`] as const)
      : (['email', sql`lower(email) = lower(${input.email ?? ''})`] as const);
  const [row] = await sql<{ id: string }[]>`
    select id from contacts where workspace_id = ${workspaceId} and ${match} limit 1`;
  return row ? { field, id: row.id } : undefined;
}

function splitAttributes(attributes: Record<string, unknown> = {}) {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null) unset.push(key);
    else if (value !== undefined) set[key] = value;
  }
  return { set, unset };
}

/** Creates a contact; 409 when one with the same identity exists (its id is in the answer). */
export async function createContact(
  sql: Db,
  workspaceId: string,
  input: CreateContact,
): Promise<string> {
  const existing = await sameIdentity(sql, workspaceId, input);
  if (existing) {
    if (existing.field === 'externalId') throw externalIdTaken(input.externalId as string);
    throw problem(
      'contact_exists',
      { field: existing.field, contactId: existing.id },
      { errors: [fieldProblem(existing.field, 'duplicate', {})], contactId: existing.id },
    );
  }
  const tags = [...new Set(input.tags ?? [])];
  try {
    const [row] = await sql<{ id: string }[]>`
      insert into contacts (workspace_id, external_id, phone, email, first_name, last_name, time_zone, locale,
                            tags, attributes, consent, test_contact, created_at, updated_at)
      values (${workspaceId}, ${input.externalId ?? null}, ${input.phone ?? null}, ${input.email ?? null},
              ${input.firstName ?? null}, ${input.lastName ?? null},
              ${input.timeZone ?? defaultTimeZoneForPhone(input.phone) ?? null}, ${input.locale ?? null},
              ${tags}::text[], ${sql.json(splitAttributes(input.attributes).set as never)},
              ${sql.json(consentRecords(input.consent ?? {}, 'api') as never)}, ${input.testContact ?? false},
              clock_timestamp(), clock_timestamp())
      returning id`;
    return (row as { id: string }).id;
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken(input.externalId as string);
    throw error;
  }
}

const COLUMN: Record<string, string> = {
  externalId: 'external_id',
  phone: 'phone',
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  locale: 'locale',
  testContact: 'test_contact',
};

/** A partial update: given fields replace, attributes merge (`null` removes one), consent is recorded. */
export async function updateContact(
  sql: Db,
  workspaceId: string,
  id: string,
  patch: UpdateContact,
): Promise<void> {
  const current = await findContactRow(sql, workspaceId, id);
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN)) {
    const value = patch[field as keyof UpdateContact];
    if (value !== undefined) columns[column] = value;
  }
  const identity = {
    externalId: patch.externalId === undefined ? current.external_id : patch.externalId,
    phone: patch.phone === undefined ? current.phone : patch.phone,
    email: patch.email === undefined ? current.email : patch.email,
  };
  if (!identity.externalId && !identity.phone && !identity.email) {
    throw problem(
      'contact_needs_identifier',
      {},
      {
        errors: [fieldProblem('phone', 'keeps_identifier', {})],
      },
    );
  }
  if (patch.timeZone !== undefined || (patch.phone && !current.time_zone)) {
    columns.time_zone = patch.timeZone ?? defaultTimeZoneForPhone(identity.phone) ?? null;
  }
  if (patch.tags) columns.tags = [...new Set(patch.tags)];
  const { set, unset } = splitAttributes(patch.attributes);
  const consent = consentRecords(patch.consent ?? {}, 'api');
  try {
    await sql`
      update contacts set ${sql({ ...columns, updated_at: new Date() })},
        attributes = (attributes || ${sql.json(set as never)}::jsonb) - ${unset}::text[],
        consent = consent || ${sql.json(consent as never)}::jsonb
      where id = ${id} and workspace_id = ${workspaceId}`;
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken(String(patch.externalId));
    throw error;
  }
}
