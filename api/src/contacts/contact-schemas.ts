import { z } from '@hono/zod-openapi';
import { fieldRule } from '@ruta/shared';
import { isoInstant } from '../http/dates';
import { canonicalTimeZone, E164, E164_EXAMPLE, LOCALE } from './fields';

const Phone = z
  .string()
  .regex(E164, `E.164, like ${E164_EXAMPLE}`)
  .openapi({ example: E164_EXAMPLE });
const Email = z.string().trim().max(254).email('not a valid email address');
const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => canonicalTimeZone(zone) !== undefined, {
    ...fieldRule('time_zone', {}),
  })
  .transform((zone) => canonicalTimeZone(zone) as string)
  .openapi({ example: 'America/Mexico_City' });
const Locale = z.string().regex(LOCALE, 'a language tag, like es-MX').max(20);
const Name = z.string().trim().max(100);
const ExternalId = z.string().trim().min(1).max(200);
const Tag = z.string().trim().min(1).max(64);
const AttributeKey = z.string().min(1).max(100);
const ConsentChanges = z
  .object({
    whatsapp: z.boolean(),
    sms: z.boolean(),
    email: z.boolean(),
    rcs: z.boolean(),
  })
  .partial()
  .strict()
  .openapi({
    description:
      'Grant (`true`) or withdraw (`false`) consent per channel; recorded with the time and source `api`.',
  });

export const CreateContact = z
  .object({
    externalId: ExternalId.optional(),
    phone: Phone.optional(),
    email: Email.optional(),
    firstName: Name.optional(),
    lastName: Name.optional(),
    timeZone: TimeZone.optional().openapi({
      description: "IANA zone; defaults from the phone's country and area code",
    }),
    locale: Locale.optional(),
    tags: z.array(Tag).max(100).optional(),
    attributes: z.record(AttributeKey, z.unknown()).optional(),
    consent: ConsentChanges.optional(),
    testContact: z.boolean().optional(),
  })
  .strict()
  .refine((c) => c.externalId || c.phone || c.email, {
    ...fieldRule('needs_identifier', {}),
    path: ['phone'],
  })
  .openapi('CreateContact');
export type CreateContact = z.infer<typeof CreateContact>;

export const UpdateContact = z
  .object({
    externalId: ExternalId.nullable().optional(),
    phone: Phone.nullable().optional(),
    email: Email.nullable().optional(),
    firstName: Name.nullable().optional(),
    lastName: Name.nullable().optional(),
    timeZone: TimeZone.nullable().optional().openapi({
      description: "`null` goes back to the zone of the phone's country",
    }),
    locale: Locale.nullable().optional(),
    tags: z.array(Tag).max(100).optional().openapi({ description: 'Replaces the tags' }),
    attributes: z.record(AttributeKey, z.unknown()).optional().openapi({
      description: 'Merged into the attributes; a `null` value removes that attribute',
    }),
    consent: ConsentChanges.optional(),
    testContact: z.boolean().optional(),
  })
  .strict()
  .openapi('UpdateContact');
export type UpdateContact = z.infer<typeof UpdateContact>;

export const ListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Part of the name, phone, email or external id (accents ignored)' }),
  tag: Tag.optional().openapi({ description: 'Only contacts with this tag' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: isoInstant().optional().openapi({
    description: 'Contacts created before this time: `nextBefore` of the previous page',
  }),
  beforeId: z.string().uuid().optional().openapi({
    description:
      'With `before`: `nextBeforeId` of the previous page, so contacts created in the same microsecond are not skipped',
  }),
});

export const ImportIdParam = z.object({
  importId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'importId', in: 'path' } }),
});

export const ImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .openapi({ description: 'Validate and count what would change, write nothing' }),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .openapi({
      description:
        'Country (ISO 3166-1, like `MX`) of phones written without a prefix: `55 1234 5678`, `(33) 3615-1234`',
    }),
  skipInvalid: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .openapi({ description: 'Import the valid rows and skip the bad ones (listed in the answer)' }),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const mapping = columnMapping(text);
      if (!mapping) ctx.addIssue({ code: 'custom', ...fieldRule('mapping_not_object', {}) });
      return mapping;
    })
    .openapi({
      description:
        'How to read some columns instead of the automatic way, as JSON: the header as in the file (`#3` for an unnamed third column) → `external_id`, `phone`, `email`, `first_name`, `last_name`, `time_zone`, `locale`, `tags`, `consent.whatsapp` / `consent.sms` / `consent.email` / `consent.rcs`, `attributes.<name>` (a custom attribute, keyed in snake_case) or `ignore` (left out). A header not in the file, or a target not in this list, is a 400 naming the column.',
      example: '{"WhatsApp del cliente":"phone","Notas":"ignore","Talla":"attributes.talla"}',
    }),
});

/** `{"Celular": "phone"}` as sent in the query, or `undefined` when it is not a JSON object of strings. */
function columnMapping(text: string): Record<string, string> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (!entries.every(([, target]) => typeof target === 'string')) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}

const Consent = z
  .object({ granted: z.boolean(), at: z.string().nullable(), source: z.string().nullable() })
  .nullable();

export const Contact = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    name: z.string(),
    timeZone: z.string().nullable(),
    locale: z.string().nullable(),
    tags: z.array(z.string()),
    attributes: z.record(z.string(), z.unknown()),
    consent: z.object({ whatsapp: Consent, sms: Consent, email: Consent, rcs: Consent }),
    lastInboundAt: z.record(z.string(), z.string()),
    testContact: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Contact');

export const ContactDetail = Contact.extend({
  whatsappWindow: z.object({ open: z.boolean(), closesAt: z.string().nullable() }),
  runs: z.array(
    z.object({
      id: z.string(),
      journeyId: z.string(),
      journeyName: z.string(),
      status: z.string(),
      outcome: z.string().nullable(),
      currentNode: z.string().nullable(),
      preview: z.boolean(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
    }),
  ),
}).openapi('ContactDetail');

/** One thing that happened to a contact, for the contact's page. */
export const ContactTimeline = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum([
          'event',
          'message',
          'reply',
          'consent',
          'run_started',
          'run_ended',
          'handoff',
          'handoff_closed',
        ]),
        at: z.string(),
        runId: z.string().nullable(),
        journeyName: z.string().nullable(),
        detail: z.record(z.string(), z.unknown()).openapi({
          description:
            'event: name, properties · message: channel, status, text · reply: channel, text, buttonId, intent · consent: channel, granted, source · run_ended: outcome, nodeName, converted',
        }),
      }),
    ),
    nextBefore: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `before` for older items; null at the first' }),
  })
  .openapi('ContactTimeline');

export const ContactPage = z
  .object({
    items: z.array(Contact),
    /** Contacts that match the search (and tag), on every page. */
    total: z.number().int(),
    nextBefore: z.string().nullable(),
    nextBeforeId: z.string().nullable(),
  })
  .openapi('ContactPage');

/** One problem on one line of an imported file, in each language. */
export const RowProblem = z
  .object({
    line: z.number().int(),
    column: z.string(),
    /** Stable code (files imported before codes existed have none). */
    code: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    message: z.string(),
    message_es: z.string().optional(),
    message_pt: z.string().optional(),
  })
  .openapi('ImportRowProblem');

export const ImportStatus = z
  .object({
    importId: z.string(),
    status: z.enum(['processing', 'completed', 'failed']),
    phase: z.enum(['validating', 'importing', 'done']),
    dryRun: z.boolean(),
    fileName: z.string().nullable(),
    columns: z.record(z.string(), z.string()),
    processedRows: z.number().int(),
    totalRows: z.number().int().nullable(),
    created: z.number().int(),
    updated: z.number().int(),
    errorCount: z.number().int(),
    /** The bad rows: why nothing was imported, or which rows were skipped. */
    errors: z.array(RowProblem),
    failure: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ContactImport');
