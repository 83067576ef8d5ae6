import type { Sql } from '@ruta/platform';
import type { JourneyDefinition } from '@ruta/shared';

export interface ContactFixture {
  phone?: string | null;
  email?: string | null;
  firstName?: string;
  timeZone?: string | null;
  attributes?: Record<string, unknown>;
  consent?: Partial<Record<'whatsapp' | 'sms' | 'email' | 'rcs', boolean>>;
  lastInboundWhatsApp?: Date;
  externalId?: string;
}

export async function createWorkspace(sql: Sql, name = 'Tienda Ana'): Promise<string> {
  const [row] = await sql<
    { id: string }[]
  >`insert into workspaces (name) values (${name}) returning id`;
  return row!.id;
}

let counter = 0;

/** A contact with consent on every channel unless said otherwise. */
export async function createContact(
  sql: Sql,
  workspaceId: string,
  fixture: ContactFixture = {},
): Promise<string> {
  counter += 1;
  const consent: Record<string, { granted: boolean; at: string; source: string }> = {};
  for (const channel of ['whatsapp', 'sms', 'email', 'rcs'] as const) {
    consent[channel] = {
      granted: fixture.consent?.[channel] ?? true,
      at: new Date().toISOString(),
      source: 'test',
    };
  }
  const [row] = await sql<{ id: string }[]>`
    insert into contacts (workspace_id, external_id, phone, email, first_name, time_zone, attributes, consent, last_inbound_at)
    values (${workspaceId}, ${fixture.externalId ?? `ext-${counter}-${Date.now()}`},
            ${fixture.phone === undefined ? `+52155${String(10000000 + counter).slice(-8)}` : fixture.phone},
            ${fixture.email === undefined ? `cliente${counter}@example.com` : fixture.email},
            ${fixture.firstName ?? 'Ana'}, ${fixture.timeZone === undefined ? 'America/Mexico_City' : fixture.timeZone},
            ${sql.json((fixture.attributes ?? {}) as never)}, ${sql.json(consent as never)},
            ${sql.json((fixture.lastInboundWhatsApp ? { whatsapp: fixture.lastInboundWhatsApp.toISOString() } : {}) as never)})
    returning id`;
  return row!.id;
}

export interface PublishedJourney {
  journeyId: string;
  versionId: string;
  version: number;
  name: string;
  definition: JourneyDefinition;
}

/** A journey with one published version (what the API's publish does, minus validation). */
export async function publishJourney(
  sql: Sql,
  workspaceId: string,
  definition: JourneyDefinition,
  name = 'Carrito abandonado',
): Promise<PublishedJourney> {
  const [journey] = await sql<{ id: string }[]>`
    insert into journeys (workspace_id, name, status, draft)
    values (${workspaceId}, ${name}, 'active', ${sql.json(definition as never)}) returning id`;
  const [version] = await sql<{ id: string }[]>`
    insert into journey_versions (journey_id, version, definition)
    values (${journey!.id}, 1, ${sql.json(definition as never)}) returning id`;
  await sql`update journeys set active_version_id = ${version!.id} where id = ${journey!.id}`;
  return { journeyId: journey!.id, versionId: version!.id, version: 1, name, definition };
}

/**
 * Every duration in the journey shrunk to `seconds` (the dev server cannot skip time; the code
 * path is the same), and no quiet hours, so a test never depends on the hour it runs at.
 */
export function withShortDurations(definition: JourneyDefinition, seconds = 2): JourneyDefinition {
  const copy = structuredClone(definition);
  delete copy.settings.quietHours;
  for (const node of Object.values(copy.nodes)) {
    if (node.type === 'wait_for') node.timeout = { amount: seconds, unit: 'seconds' };
    if (node.type === 'wait' && node.until.kind === 'duration')
      node.until.duration = { amount: seconds, unit: 'seconds' };
  }
  return copy;
}
