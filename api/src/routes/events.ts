import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { fieldRule } from '@ruta/shared';
import type { AppEnv } from '../deps';
import { isoInstant } from '../http/dates';
import { validationHook } from '../http/validation';
import { ingestEvent } from '../ingest/ingest-event';
import { Enrollment } from '../journeys/schemas';
import { json, problemResponses } from './schemas';

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
    ...fieldRule('needs_identifier', {}),
  })
  .openapi('ContactRef');

const Event = z
  .object({
    id: z.string().min(1).max(200).openapi({
      description:
        'Your id for the event: a repeated id is answered `duplicate` once the first was routed (retry with the same id safely)',
    }),
    name: z.string().regex(/^[a-z][a-z0-9_.-]{0,99}$/i, 'letters, digits, "_", "." and "-"'),
    contact: ContactRef,
    properties: z.record(z.string(), z.unknown()).default({}),
    timestamp: isoInstant().optional(),
  })
  .openapi('Event');

const Body = z
  .union([Event, z.object({ events: z.array(Event).min(1).max(500) })])
  .openapi('EventsBody');

const IngestResults = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        status: z.enum(['accepted', 'duplicate']),
        contactId: z.string(),
        eventId: z.string().optional().openapi({ description: "Ruta's id of the stored event" }),
        routedTo: z
          .number()
          .int()
          .optional()
          .openapi({ description: 'Runs in flight the event reached' }),
        enrollments: z.array(Enrollment).optional(),
      }),
    ),
  })
  .openapi('IngestResults');

/** `/api/events`: what customers did, from the store or any backend. */
export const events = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Events'],
    summary:
      'Ingest one event or a batch: enrolls contacts in matching journeys and wakes their waiting runs',
    request: { body: { content: { 'application/json': { schema: Body } }, required: true } },
    responses: {
      202: json(IngestResults, 'Accepted'),
      ...problemResponses,
    },
  }),
  async (c) => {
    const deps = c.get('deps');
    const { workspaceId } = c.get('auth');
    const body = c.req.valid('json');
    const list = 'events' in body ? body.events : [body];
    const results: z.infer<typeof IngestResults>['results'] = [];
    for (const event of list) results.push(await ingestEvent(deps, workspaceId, event));
    return c.json({ results }, 202);
  },
);
