import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { validateJourney } from '@ruta/shared';
import type { AppEnv } from '../deps';
import { notFound, problem } from '../http/problem';
import { validationHook } from '../http/validation';
import {
  activateJourney,
  changeStatus,
  createJourney,
  duplicateJourney,
  enrollNow,
  previewJourney,
  publishJourney,
  sweepNow,
  type Transition,
} from '../journeys/lifecycle';
import { getJourney, latestVersion } from '../journeys/repository';
import {
  Activation,
  Draft,
  Enrollments,
  Impact,
  JourneyDetail,
  JourneySummary,
  JourneyVersion,
  PreviewStarted,
  SweepStarted,
  Validation,
} from '../journeys/schemas';
import {
  deleteJourney,
  inFlightByNode,
  listVersions,
  renameJourney,
  restoreDraft,
  saveDraft,
} from '../journeys/store';
import { journeyDetail, journeySummaries } from '../journeys/views';
import {
  conflictResponse,
  IdParam,
  invalidJourneyResponse,
  json,
  jsonBody,
  problemResponses,
} from './schemas';

const tags = ['Journeys'];
const VersionParams = IdParam.extend({
  versionId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'versionId', in: 'path' } }),
});
const Name = z.string().trim().min(1).max(120);
const CreateJourney = z
  .object({
    name: Name,
    templateId: z.string().optional(),
    language: z.enum(['es', 'pt', 'en']).optional().openapi({
      description: "The template's messages and step names: 'pt' for Portuguese, Spanish otherwise",
    }),
  })
  .openapi('CreateJourney');
const PreviewRequest = z.object({
  contactId: z.string().uuid().optional(),
  timeScale: z.number().min(1).max(1_000_000).optional().openapi({
    description: 'How many times faster than real time (default: a day in 10 s)',
  }),
  event: z.object({ name: z.string(), properties: z.record(z.string(), z.unknown()) }).optional(),
});

const transition = (action: Transition, summary: string) =>
  createRoute({
    method: 'post',
    path: `/{id}/${action}`,
    tags,
    summary,
    request: { params: IdParam },
    responses: {
      200: json(JourneyDetail, 'The journey after the change'),
      ...conflictResponse,
      ...problemResponses,
    },
  });

/** `/api/journeys`: drawing, publishing and running journeys. */
export const journeys = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List journeys with status, version and counts',
      responses: { 200: json(z.array(JourneySummary), 'Journeys') },
    }),
    async (c) => c.json(await journeySummaries(c.get('deps').sql, c.get('auth').workspaceId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a journey, blank or from a template',
      request: { body: jsonBody(CreateJourney) },
      responses: { 201: json(JourneyDetail, 'Created'), ...problemResponses },
    }),
    async (c) => c.json(await createJourney(c, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'A journey with its draft, problems and versions',
      request: { params: IdParam },
      responses: { 200: json(JourneyDetail, 'Journey'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        await journeyDetail(c.get('deps').sql, c.get('auth').workspaceId, c.req.valid('param').id),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Rename a journey',
      request: { params: IdParam, body: jsonBody(z.object({ name: Name })) },
      responses: { 200: json(JourneyDetail, 'Journey'), ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const journey = await getJourney(sql, workspaceId, c.req.valid('param').id);
      await renameJourney(sql, journey.id, c.req.valid('json').name);
      return c.json(await journeyDetail(sql, workspaceId, journey.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete a journey that is not running',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...conflictResponse, ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const journey = await getJourney(sql, c.get('auth').workspaceId, c.req.valid('param').id);
      if (journey.status === 'active' || journey.status === 'paused')
        throw problem('journey_running', { status: journey.status });
      await deleteJourney(sql, journey.id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/duplicate',
      tags,
      summary:
        'Copy a journey as a new draft (its draft and layout; no versions, runs or activation)',
      request: {
        params: IdParam,
        body: {
          content: { 'application/json': { schema: z.object({ name: Name.optional() }) } },
          required: false,
        },
      },
      responses: { 201: json(JourneyDetail, 'The copy'), ...problemResponses },
    }),
    async (c) =>
      c.json(await duplicateJourney(c, c.req.valid('param').id, c.req.valid('json')?.name), 201),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/draft',
      tags,
      summary: 'Save the draft (autosave); answers with the problems found',
      request: { params: IdParam, body: jsonBody(Draft) },
      responses: { 200: json(JourneyDetail, 'Saved'), ...conflictResponse, ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const journey = await getJourney(sql, workspaceId, c.req.valid('param').id);
      if (journey.status === 'archived') throw problem('journey_archived', { action: 'edit' });
      await saveDraft(sql, journey.id, c.req.valid('json'));
      return c.json(await journeyDetail(sql, workspaceId, journey.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/validate',
      tags,
      summary: 'Validate the draft',
      request: { params: IdParam },
      responses: { 200: json(Validation, 'Problems'), ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const journey = await getJourney(sql, c.get('auth').workspaceId, c.req.valid('param').id);
      const problems = validateJourney(journey.draft);
      return c.json({ valid: problems.length === 0, problems }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/publish',
      tags,
      summary: 'Publish the draft as a new immutable version (runs in flight stay on theirs)',
      request: { params: IdParam },
      responses: {
        201: json(JourneyDetail, 'Published'),
        ...invalidJourneyResponse,
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => c.json(await publishJourney(c, c.req.valid('param').id), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/activate',
      tags,
      summary:
        'Activate as a pilot (enrollment %, holdout %, end date, re-entry, quiet hours, frequency cap, goal)',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: Activation } }, required: false },
      },
      responses: { 200: json(JourneyDetail, 'Active'), ...conflictResponse, ...problemResponses },
    }),
    async (c) =>
      c.json(await activateJourney(c, c.req.valid('param').id, c.req.valid('json') ?? {}), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/preview',
      tags,
      summary:
        'Run the current draft for a test contact with time compressed (never counted in analytics)',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: PreviewRequest } }, required: false },
      },
      responses: {
        202: json(PreviewStarted, 'Preview started'),
        ...invalidJourneyResponse,
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(await previewJourney(c, c.req.valid('param').id, c.req.valid('json') ?? {}), 202),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/enroll',
      tags,
      summary:
        'Enroll contacts now (manual triggers, or anyone into an active journey); pilot and re-entry rules apply',
      request: {
        params: IdParam,
        body: jsonBody(z.object({ contactIds: z.array(z.string().uuid()).min(1).max(1000) })),
      },
      responses: {
        202: json(Enrollments, 'Enrollments'),
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(await enrollNow(c, c.req.valid('param').id, c.req.valid('json').contactIds), 202),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/sweep',
      tags,
      summary:
        'Sweep a segment or schedule journey now: enroll every contact its conditions accept',
      request: { params: IdParam },
      responses: {
        202: json(SweepStarted, 'Sweep started'),
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => c.json(await sweepNow(c, c.req.valid('param').id), 202),
  )
  .openapi(transition('pause', 'Pause: no new entries; runs in flight go on'), async (c) =>
    c.json(await changeStatus(c, c.req.valid('param').id, 'pause'), 200),
  )
  .openapi(transition('resume', 'Resume a paused journey'), async (c) =>
    c.json(await changeStatus(c, c.req.valid('param').id, 'resume'), 200),
  )
  .openapi(transition('stop', 'Stop: no new entries and every run in flight exits'), async (c) =>
    c.json(await changeStatus(c, c.req.valid('param').id, 'stop'), 200),
  )
  .openapi(transition('archive', 'Archive a journey that is not running'), async (c) =>
    c.json(await changeStatus(c, c.req.valid('param').id, 'archive'), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/versions',
      tags,
      summary: 'Published versions',
      request: { params: IdParam },
      responses: { 200: json(z.array(JourneyVersion), 'Versions'), ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const journey = await getJourney(sql, c.get('auth').workspaceId, c.req.valid('param').id);
      const versions = await listVersions(sql, journey.id);
      return c.json(
        versions.map((v) => ({ ...v, published_at: v.published_at.toISOString() })),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/versions/{versionId}/restore',
      tags,
      summary: "Restore a published version as the draft (the current draft's steps are replaced)",
      request: { params: VersionParams },
      responses: {
        200: json(JourneyDetail, 'The journey, its draft restored'),
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const { id, versionId } = c.req.valid('param');
      const journey = await getJourney(sql, workspaceId, id);
      if (journey.status === 'archived') throw problem('journey_archived', { action: 'edit' });
      if (!(await restoreDraft(sql, journey.id, versionId))) throw notFound('version', versionId);
      return c.json(await journeyDetail(sql, workspaceId, journey.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/impact',
      tags,
      summary: 'Runs in flight per version and node (for the publish dialog)',
      request: { params: IdParam },
      responses: { 200: json(Impact, 'Impact'), ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const journey = await getJourney(sql, c.get('auth').workspaceId, c.req.valid('param').id);
      const rows = await inFlightByNode(sql, journey.id);
      const latest = await latestVersion(sql, journey.id);
      return c.json(
        {
          inFlight: rows.reduce((n, r) => n + r.runs, 0),
          byNode: rows.map((r) => ({
            version: r.version,
            nodeId: r.node_id ?? 'trigger',
            runs: r.runs,
          })),
          nextVersion: (latest?.version ?? 0) + 1,
          note: 'Runs in flight finish on the version they entered with; new entries take the new version.',
        },
        200,
      );
    },
  );
