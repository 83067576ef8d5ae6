import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, audit } from '../audit/audit-log';
import { asActor } from '../contacts/consent-actor';
import { exportContact } from '../contacts/contact-export';
import { deleteContact } from '../contacts/contact-removal';
import {
  ContactDetail,
  ContactPage,
  ContactTimeline,
  CreateContact,
  ImportIdParam,
  ImportQuery,
  ImportStatus,
  ListQuery,
  RowProblem,
  UpdateContact,
} from '../contacts/contact-schemas';
import { contactTimeline } from '../contacts/contact-timeline';
import { contactDetail, listContacts } from '../contacts/contact-views';
import { createContact, updateContact } from '../contacts/contact-writes';
import { IMPORT_MAX_BYTES } from '../contacts/csv-upload';
import { receiveImport } from '../contacts/import-job';
import { importStatus } from '../contacts/import-store';
import { enterNewSegments, segmentView } from '../contacts/segment-entry';
import type { AppEnv } from '../deps';
import { isoInstant } from '../http/dates';
import { validationHook } from '../http/validation';
import { IdParam, json, jsonBody, ProblemSchema, problemResponses } from './schemas';

/** Exempt from the API's 2 MB body limit: the route streams the file under its own limit. */
export const CONTACT_IMPORT_PATH = '/api/contacts/import';

const problemDoc = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const Rows = z.array(z.record(z.string(), z.unknown()));
const ContactExport = z
  .object({
    exportedAt: z.string(),
    workspace: z.object({ id: z.string(), name: z.string() }),
    contact: z.record(z.string(), z.unknown()),
    consentHistory: Rows,
    events: Rows,
    runs: Rows.openapi({ description: 'Each run with its `steps`' }),
    messages: Rows,
    inboundMessages: Rows,
    handoffTasks: Rows,
  })
  .openapi('ContactExport');

export const contacts = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Contacts'],
      summary: 'Contacts, newest first: search by name, phone, email or external id; filter by tag',
      request: { query: ListQuery },
      responses: { 200: json(ContactPage, 'A page of contacts'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await listContacts(c.get('deps').sql, c.get('auth').workspaceId, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Contacts'],
      summary: 'Create a contact (409 when one with the same external id, phone or email exists)',
      request: { body: jsonBody(CreateContact) },
      responses: {
        201: json(ContactDetail, 'Created'),
        409: problemDoc('A contact with that identity exists'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const id = await asActor(sql, actorOf(c), (tx) =>
        createContact(tx, workspaceId, c.req.valid('json')),
      );
      await enterNewSegments(c.get('deps'), workspaceId, id, undefined);
      return c.json(await contactDetail(sql, workspaceId, id), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags: ['Contacts'],
      summary:
        'Import a CSV (streamed, up to 50 MB): all rows or none, or the valid ones; answers with a job to poll',
      description: [
        'Send the file as `text/csv` (optionally naming it in `X-File-Name`), or as the `file` field of `multipart/form-data`. UTF-8 (a BOM is fine), separated by `,` `;` or tab.',
        'Columns by header: `external_id`, `phone` (E.164), `email`, `first_name`, `last_name`, `time_zone` (IANA), `locale`, `tags` (separated by `|`), `consent_whatsapp` / `consent_sms` / `consent_email` / `consent_rcs` (yes/no, sí/no, true/false, 1/0); any other column becomes an attribute (header in snake_case).',
        'Each row updates the contact with the same external id — or, without one, the same phone, else email — and otherwise creates one; empty cells change nothing.',
        'A column can be read another way, or left out, with `?mapping=` (JSON, header → target, e.g. `{"WhatsApp del cliente":"phone","Notas":"ignore"}`); one column must still identify the contact. The answer and the import\'s status say how each column was read (`columns`).',
        'Phones in E.164 (`+525512345678`), or as written locally (`55 1234 5678`, `(33) 3615-1234`) when `?country=MX` says where they are from.',
        "Every row is validated while the file streams in. If any is bad the answer is 422 listing each bad line and column, and nothing is imported — unless `?skipInvalid=true`: then the valid rows are imported and the bad ones are listed in the answer (`skipped`) and in the import's status. Otherwise 202 with the import id: the rows are written in one transaction in the background; poll `GET /contacts/imports/{importId}` for progress. `?dryRun=true` does everything and rolls back, reporting what would be created and updated.",
      ].join('\n\n'),
      request: {
        query: ImportQuery,
        body: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string' } },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', format: 'binary' } },
                required: ['file'],
              },
            },
          },
        },
      },
      responses: {
        202: json(
          z.object({
            importId: z.string(),
            status: z.literal('processing'),
            dryRun: z.boolean(),
            /** Rows being imported. */
            totalRows: z.number().int(),
            /** Rows left out because they are bad (only with `skipInvalid`). */
            skippedRows: z.number().int(),
            columns: z.record(z.string(), z.string()).openapi({
              description:
                'How each column is read, after `mapping`: header → `phone`, `consent.whatsapp`, `attributes.plan`, `ignore`…',
            }),
            skipped: z.object({ rows: z.number().int(), errors: z.array(RowProblem) }).optional(),
          }),
          'Valid (or valid rows, bad ones skipped): importing in the background',
        ),
        413: problemDoc(`The file is over ${IMPORT_MAX_BYTES / 1024 / 1024} MB`),
        415: problemDoc('Not CSV nor multipart'),
        422: problemDoc(
          'Bad rows (each with `line`, `column`, `message`) and how each column was read (`columns`); nothing imported',
        ),
        ...problemResponses,
        400: problemDoc(
          'A bad request: `mapping` is not a JSON object (`invalid_request`), names a column the file does not have (`mapping_column_unknown`) or a target that does not exist (`mapping_target_unknown`)',
        ),
      },
    }),
    async (c) => {
      const { workspaceId, userId } = c.get('auth');
      const receipt = await receiveImport(c.get('deps'), c.req.raw, {
        workspaceId,
        userId,
        actor: actorOf(c),
        dryRun: c.req.valid('query').dryRun,
        country: c.req.valid('query').country,
        skipInvalid: c.req.valid('query').skipInvalid,
        mapping: c.req.valid('query').mapping,
        fileName: c.req.header('x-file-name'),
      });
      return c.json(receipt, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/imports/{importId}',
      tags: ['Contacts'],
      summary: "An import's progress, counts and bad rows",
      request: { params: ImportIdParam },
      responses: { 200: json(ImportStatus, 'The import'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await importStatus(
          c.get('deps').sql,
          c.get('auth').workspaceId,
          c.req.valid('param').importId,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Contacts'],
      summary:
        'A contact: consent per channel, attributes, tags, last inbound per channel, its runs',
      request: { params: IdParam },
      responses: { 200: json(ContactDetail, 'The contact'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await contactDetail(c.get('deps').sql, c.get('auth').workspaceId, c.req.valid('param').id),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/timeline',
      tags: ['Contacts'],
      summary:
        'A contact’s whole story, newest first: events, messages on every channel, replies, consent, runs',
      request: {
        params: IdParam,
        query: z.object({
          before: isoInstant()
            .optional()
            .openapi({ description: 'Items before this time (the previous page’s `nextBefore`)' }),
        }),
      },
      responses: { 200: json(ContactTimeline, 'The story'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await contactTimeline(
          c.get('deps').sql,
          c.get('auth').workspaceId,
          c.req.valid('param').id,
          c.req.valid('query').before,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['Contacts'],
      summary:
        'Change a contact: given fields replace, attributes merge (`null` removes one), consent per channel is recorded',
      request: { params: IdParam, body: jsonBody(UpdateContact) },
      responses: {
        200: json(ContactDetail, 'The contact after the change'),
        409: problemDoc('The external id belongs to another contact'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const { id } = c.req.valid('param');
      const before = await segmentView(sql, workspaceId, id);
      await asActor(sql, actorOf(c), (tx) =>
        updateContact(tx, workspaceId, id, c.req.valid('json')),
      );
      await enterNewSegments(c.get('deps'), workspaceId, id, before);
      return c.json(await contactDetail(sql, workspaceId, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['Contacts'],
      summary:
        'Delete a contact: its runs in flight exit first (as removed), then it goes with its history',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses },
    }),
    async (c) => {
      const { workspaceId } = c.get('auth');
      const { id } = c.req.valid('param');
      const erased = await deleteContact(c.get('deps'), workspaceId, id, actorOf(c));
      // No name, phone or email in the entry: the contact is gone, its id is all that stays.
      await audit(c, 'contact.erased', { type: 'contact', id }, erased);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/export',
      tags: ['Contacts'],
      summary:
        'Everything Ruta holds about a contact, as JSON (privacy access request): contact, consent and its history, events, runs with their steps, messages, inbound messages, hand-off tasks',
      request: { params: IdParam },
      responses: {
        200: json(ContactExport, 'The export'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { workspaceId } = c.get('auth');
      const { id } = c.req.valid('param');
      const exported = await exportContact(c.get('deps').sql, workspaceId, id);
      await audit(c, 'contact.exported', { type: 'contact', id });
      c.header('content-disposition', `attachment; filename="contact-${id}.json"`);
      return c.json(exported, 200);
    },
  );
