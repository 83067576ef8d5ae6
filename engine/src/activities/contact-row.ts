import type { Sql } from '@ruta/platform';
import type { Channel } from '@ruta/shared';
import { contactTimeZone } from '@ruta/shared';
import type { ContactSnapshot } from '../workflows/journey/types';

/** A channel's consent as `contacts.consent` stores it (who changed it is in `consent_history`). */
export interface ConsentRecord {
  granted: boolean;
  at?: string;
  source?: string;
}

/** A `contacts` row as the engine and the API read it (`contactRowColumns`). */
export interface ContactRow {
  id: string;
  external_id: string | null;
  phone: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  time_zone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  consent: Partial<Record<Channel, ConsentRecord>>;
  last_inbound_at: Partial<Record<Channel, string>>;
}

/** The columns of a `ContactRow`, for `select ${sql(contactRowColumns)}` and `returning` lists. */
export const contactRowColumns = [
  'id',
  'external_id',
  'phone',
  'email',
  'first_name',
  'last_name',
  'time_zone',
  'locale',
  'attributes',
  'tags',
  'consent',
  'last_inbound_at',
] as const satisfies readonly (keyof ContactRow)[];

export function toSnapshot(row: ContactRow): ContactSnapshot {
  const consent: ContactSnapshot['consent'] = {};
  for (const [channel, value] of Object.entries(row.consent ?? {})) {
    consent[channel as Channel] = value?.granted === true;
  }
  return {
    id: row.id,
    externalId: row.external_id,
    phone: row.phone,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    timeZone: contactTimeZone({ timeZone: row.time_zone, phone: row.phone }),
    locale: row.locale,
    attributes: row.attributes ?? {},
    tags: row.tags ?? [],
    consent,
    lastInboundAt: row.last_inbound_at ?? {},
  };
}

export async function loadContactRow(
  sql: Sql,
  workspaceId: string,
  contactId: string,
): Promise<ContactRow> {
  const [row] = await sql<ContactRow[]>`
    select ${sql(contactRowColumns)} from contacts where id = ${contactId} and workspace_id = ${workspaceId}`;
  if (!row) throw new ContactGoneError(contactId);
  return row;
}

export class ContactGoneError extends Error {
  constructor(contactId: string) {
    super(`contact ${contactId} no longer exists`);
  }
}
