import { enroll } from '@ruta/engine';
import { JourneyDefinition, validateJourney } from '@ruta/shared';
import { type AppDeps, enrollmentTarget } from '../deps';
import { problem } from '../http/problem';
import { journeyProblemFields } from './problem-fields';
import type { JourneyRow } from './repository';

/** A day of waiting passes in 10 seconds unless the caller asks otherwise. */
export const DEFAULT_PREVIEW_TIME_SCALE = 86_400 / 10;

const TEST_CONTACT = {
  externalId: 'ruta-test-contact',
  phone: '+5215500000000',
  email: 'prueba@ruta.local',
  firstName: 'Contacto',
  lastName: 'de prueba',
  timeZone: 'America/Mexico_City',
};

async function testContact(deps: AppDeps, workspaceId: string): Promise<string> {
  const consent = Object.fromEntries(
    ['whatsapp', 'sms', 'email', 'rcs'].map((c) => [
      c,
      { granted: true, at: new Date().toISOString(), source: 'preview' },
    ]),
  );
  const [row] = await deps.sql<{ id: string }[]>`
    insert into contacts (workspace_id, external_id, phone, email, first_name, last_name, time_zone, consent, test_contact)
    values (${workspaceId}, ${TEST_CONTACT.externalId}, ${TEST_CONTACT.phone}, ${TEST_CONTACT.email}, ${TEST_CONTACT.firstName},
            ${TEST_CONTACT.lastName}, ${TEST_CONTACT.timeZone}, ${deps.sql.json(consent as never)}, true)
    on conflict (workspace_id, external_id) where external_id is not null
    do update set consent = excluded.consent, updated_at = now()
    returning id`;
  if (!row) throw new Error('test contact not created');
  return row.id;
}

/**
 * Runs the current draft (not yet published) for a test contact, with time compressed, on the same
 * engine. The snapshot is kept as a preview version (negative number), never listed or counted.
 */
export async function startPreview(
  deps: AppDeps,
  workspaceId: string,
  journey: JourneyRow,
  options: {
    contactId?: string;
    timeScale?: number;
    event?: { name: string; properties: Record<string, unknown> };
  },
) {
  const problems = validateJourney(journey.draft);
  if (problems.length > 0) {
    throw problem(
      'journey_has_problems',
      { count: problems.length, action: 'preview' },
      { errors: journeyProblemFields(problems) },
    );
  }
  const definition = JourneyDefinition.parse(journey.draft);
  const contactId = options.contactId ?? (await testContact(deps, workspaceId));
  // The journey row is locked while the number is taken: two previews at once (or a publish)
  // would otherwise pick the same version number, and the second failed with a 500.
  const [version] = await deps.sql.begin(async (tx) => {
    await tx`select id from journeys where id = ${journey.id} for update`;
    return tx<{ id: string; version: number }[]>`
      insert into journey_versions (journey_id, version, definition, layout)
      values (${journey.id}, (select least(coalesce(min(version), 0), 0) - 1 from journey_versions where journey_id = ${journey.id}),
              ${tx.json(definition as never)}, ${tx.json(journey.draft_layout as never)})
      returning id, version`;
  });
  let triggerEvent:
    | { id: string; name: string; properties: Record<string, unknown>; occurredAt: string }
    | undefined;
  const trigger = definition.trigger;
  if (trigger.kind === 'event') {
    const properties = options.event?.properties ?? sampleEvent(trigger.entryKey);
    const [event] = await deps.sql<{ id: string; occurred_at: Date }[]>`
      insert into events (workspace_id, client_event_id, name, contact_id, properties)
      values (${workspaceId}, ${`preview-${version!.id}`}, ${trigger.event}, ${contactId}, ${deps.sql.json(properties as never)})
      returning id, occurred_at`;
    triggerEvent = {
      id: event!.id,
      name: trigger.event,
      properties,
      occurredAt: event!.occurred_at.toISOString(),
    };
  }
  const result = await enroll(enrollmentTarget(deps), {
    workspaceId,
    journeyId: journey.id,
    journeyName: journey.name,
    versionId: version!.id,
    version: version!.version,
    definition,
    contactId,
    ...(triggerEvent ? { triggerEvent } : {}),
    group: 'treatment',
    preview: { timeScale: options.timeScale ?? DEFAULT_PREVIEW_TIME_SCALE },
  });
  if (result.status !== 'started') throw new Error(`preview did not start: ${result.status}`);
  return { runId: result.runId, workflowId: result.workflowId, contactId };
}

function sampleEvent(entryKey: string | undefined): Record<string, unknown> {
  return {
    ...(entryKey ? { [entryKey]: `preview-${Date.now()}` } : {}),
    cart_id: `preview-${Date.now()}`,
    cart_total: '$1,299.00',
    item_count: 3,
    cart_url: 'https://tienda.example/carrito',
  };
}
