import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../deps';
import { validationHook } from '../http/validation';
import { upsertContact } from '../ingest/contacts';
import { routeEvent } from '../ingest/route-event';
import { problemResponses } from './schemas';

const ContactRef = z
  .object({
    externalId: z.string().min(1).max(200).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'E.164, like +5215512345678')
      .optional(),
    email: z.string().email().optional(),
    firstName: z.string().max(100).optional(),
    lastName: z.string().max(100).optional(),
    locale: z.string().max(20).optional(),
    timeZone: z.string().max(60).optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    consent: z
      .object({ whatsapp: z.boolean(), sms: z.boolean(), email: z.boolean(), rcs: z.boolean() })
      .partial()
      .optional(),
  })
  .refine((c) => c.externalId || c.phone || c.email, {
    message: 'identify the contact with externalId, phone or email',
  })
  .openapi('ContactRef');

const Event = z
  .object({
    id: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: 'Your id for the event: a repeated id is ignored' }),
    name: z.string().regex(/^[a-z][a-z0-9_.-]{0,99}$/i, 'letters, digits, "_", "." and "-"'),
    contact: ContactRef,
    properties: z.record(z.string(), z.unknown()).default({}),
    timestamp: z.string().datetime({ offset: true }).optional(),
  })
  .openapi('Event');

const Body = z
  .union([Event, z.object({ events: z.array(Event).min(1).max(500) })])
  .openapi('EventsBody');

export const events = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'post',
    path: '/events',
    tags: ['Events'],
    summary:
      'Ingest one event or a batch: enrolls contacts in matching journeys and wakes their waiting runs',
    request: { body: { content: { 'application/json': { schema: Body } }, required: true } },
    responses: {
      202: {
        description: 'Accepted',
        content: {
          'application/json': {
            schema: z.object({ results: z.array(z.record(z.string(), z.unknown())) }),
          },
        },
      },
      ...problemResponses,
    },
  }),
  async (c) => {
    const deps = c.get('deps');
    const { workspaceId } = c.get('auth');
    const body = c.req.valid('json');
    const list = 'events' in body ? body.events : [body];
    const results: Record<string, unknown>[] = [];
    for (const event of list) {
      const contactId = await upsertContact(deps.sql, workspaceId, event.contact);
      // One statement stores the event, reads the contact's runs in flight (it reaches them) and
      // tells whether any active journey starts with it (most events start none).
      const [stored] = await deps.sql<
        { id: string; occurred_at: Date; active: string[]; triggered: boolean }[]
      >`
        with stored as (
          insert into events (workspace_id, client_event_id, name, contact_id, properties, occurred_at)
          values (${workspaceId}, ${event.id}, ${event.name}, ${contactId}, ${deps.sql.json(event.properties as never)},
                  ${event.timestamp ?? new Date().toISOString()})
          on conflict (workspace_id, client_event_id) do nothing
          returning id, occurred_at
        )
        select stored.id, stored.occurred_at,
               array(select workflow_id from runs where contact_id = ${contactId} and status = 'active') as active,
               exists(select 1 from journeys j join journey_versions v on v.id = j.active_version_id
                      where j.workspace_id = ${workspaceId} and j.status = 'active'
                        and v.definition->'trigger'->>'kind' = 'event'
                        and v.definition->'trigger'->>'event' = ${event.name}) as triggered
        from stored`;
      if (!stored) {
        results.push({ id: event.id, status: 'duplicate', contactId });
        continue;
      }
      const routed = await routeEvent(
        deps,
        workspaceId,
        {
          id: stored.id,
          name: event.name,
          contactId,
          properties: event.properties,
          occurredAt: stored.occurred_at.toISOString(),
        },
        stored.active,
        stored.triggered,
      );
      results.push({ id: event.id, status: 'accepted', contactId, ...routed });
    }
    return c.json({ results }, 202);
  },
);
