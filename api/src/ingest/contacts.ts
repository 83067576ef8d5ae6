import { type ContactRow, contactRowColumns } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { defaultTimeZoneForPhone } from '@ruta/shared';
import { consentRecords } from '../contacts/fields';

export interface ContactRef {
  externalId?: string;
  phone?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  locale?: string;
  timeZone?: string;
  attributes?: Record<string, unknown>;
  consent?: Partial<Record<'whatsapp' | 'sms' | 'email' | 'rcs', boolean>>;
}

/**
 * Finds the contact by external id, then phone, then email; creates it when none matches. Fills
 * what is given. Answers the row as it now is (trigger filters and new runs start from it).
 */
export async function upsertContact(
  sql: Sql,
  workspaceId: string,
  ref: ContactRef,
): Promise<ContactRow> {
  const upsert = contactUpsertStatement(sql, workspaceId, ref);
  if (upsert) {
    const [row] = await upsert;
    if (!row) throw new Error('contact not upserted');
    return row;
  }
  const consent = consentRecords(ref.consent ?? {}, 'event');
  // One identifier decides, in order: external id, then phone, then email — each an indexed lookup.
  const columns = sql(contactRowColumns);
  const [found] = ref.externalId
    ? await sql<
        ContactRow[]
      >`select ${columns} from contacts where workspace_id = ${workspaceId} and external_id = ${ref.externalId} limit 1`
    : ref.phone
      ? await sql<
          ContactRow[]
        >`select ${columns} from contacts where workspace_id = ${workspaceId} and phone = ${ref.phone} limit 1`
      : ref.email
        ? await sql<
            ContactRow[]
          >`select ${columns} from contacts where workspace_id = ${workspaceId} and lower(email) = lower(${ref.email}) limit 1`
        : [];
  if (found) {
    if (hasUpdates(ref)) {
      const [updated] = await sql<ContactRow[]>`
        update contacts set
          phone = coalesce(${ref.phone ?? null}, phone), email = coalesce(${ref.email ?? null}, email),
          first_name = coalesce(${ref.firstName ?? null}, first_name), last_name = coalesce(${ref.lastName ?? null}, last_name),
          locale = coalesce(${ref.locale ?? null}, locale), time_zone = coalesce(${ref.timeZone ?? null}, time_zone),
          attributes = attributes || ${sql.json((ref.attributes ?? {}) as never)}::jsonb,
          consent = merge_consent(consent, ${sql.json(consent as never)}::jsonb), updated_at = now()
        where id = ${found.id}
        returning ${columns}`;
      return updated ?? found;
    }
    return found;
  }
  const [created] = await sql<ContactRow[]>`
    insert into contacts (workspace_id, external_id, phone, email, first_name, last_name, locale, time_zone, attributes, consent)
    values (${workspaceId}, ${ref.externalId ?? null}, ${ref.phone ?? null}, ${ref.email ?? null}, ${ref.firstName ?? null},
            ${ref.lastName ?? null}, ${ref.locale ?? null}, ${ref.timeZone ?? defaultTimeZoneForPhone(ref.phone) ?? null},
            ${sql.json((ref.attributes ?? {}) as never)}, ${sql.json(consent as never)})
    on conflict (workspace_id, external_id) where external_id is not null do update set updated_at = now()
    returning ${columns}`;
  if (!created) throw new Error('contact not created');
  return created;
}

/**
 * A contact identified by external id with something to write is upserted in one statement (the
 * common ingest case); the event route embeds it in its own statement. Undefined for the others.
 */
export function contactUpsertStatement(sql: Sql, workspaceId: string, ref: ContactRef) {
  if (!ref.externalId || !hasUpdates(ref)) return undefined;
  const consent = consentRecords(ref.consent ?? {}, 'event');
  return sql<ContactRow[]>`
    insert into contacts (workspace_id, external_id, phone, email, first_name, last_name, locale, time_zone, attributes, consent)
    values (${workspaceId}, ${ref.externalId}, ${ref.phone ?? null}, ${ref.email ?? null}, ${ref.firstName ?? null},
            ${ref.lastName ?? null}, ${ref.locale ?? null}, ${ref.timeZone ?? defaultTimeZoneForPhone(ref.phone) ?? null},
            ${sql.json((ref.attributes ?? {}) as never)}, ${sql.json(consent as never)})
    on conflict (workspace_id, external_id) where external_id is not null do update set
      phone = coalesce(${ref.phone ?? null}, contacts.phone), email = coalesce(${ref.email ?? null}, contacts.email),
      first_name = coalesce(${ref.firstName ?? null}, contacts.first_name),
      last_name = coalesce(${ref.lastName ?? null}, contacts.last_name),
      locale = coalesce(${ref.locale ?? null}, contacts.locale),
      time_zone = coalesce(${ref.timeZone ?? null}, contacts.time_zone),
      attributes = contacts.attributes || ${sql.json((ref.attributes ?? {}) as never)}::jsonb,
      consent = merge_consent(contacts.consent, ${sql.json(consent as never)}::jsonb), updated_at = now()
    returning ${sql(contactRowColumns)}`;
}

export function hasUpdates(ref: ContactRef): boolean {
  return Boolean(
    ref.phone ||
      ref.email ||
      ref.firstName ||
      ref.lastName ||
      ref.locale ||
      ref.timeZone ||
      ref.attributes ||
      ref.consent,
  );
}
