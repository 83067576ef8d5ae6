import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { activeJourney, enrollContact } from '@ruta/engine';
import {
  type AuditAction,
  FrequencyCap,
  Goal,
  getJourneyTemplate,
  JourneyDefinition,
  journeyTemplates,
  Pilot,
  QuietHours,
  ReentrySettings,
  validateJourney,
} from '@ruta/shared';
import type { Context } from 'hono';
import { audit } from '../audit/audit-log';
import { type AppEnv, enrollmentTarget } from '../deps';
import { fieldProblem, problem } from '../http/problem';
import { validationHook } from '../http/validation';
import { blankJourney } from '../journeys/blank';
import { startPreview } from '../journeys/preview';
import { journeyProblemFields } from '../journeys/problem-fields';
import { getJourney, getVersion, type JourneyStatus, latestVersion } from '../journeys/repository';
import { onJourneyStatus, startSweep } from '../journeys/triggers';
import { journeyDetail, journeySummaries } from '../journeys/views';
import { exitRuns } from '../runs/exit-runs';
import { conflictResponse, IdParam, invalidJourneyResponse, problemResponses } from './schemas';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const Anything = z.record(z.string(), z.unknown());
const Journey = Anything.openapi('Journey');
const CreateJourney = z
  .object({
    name: z.string().trim().min(1).max(120),
    templateId: z.string().optional(),
    language: z
      .enum(['es', 'pt', 'en'])
      .optional()
      .openapi({
        description:
          "The template's messages and step names: 'pt' for Portuguese, Spanish otherwise",
      }),
  })
  .openapi('CreateJourney');
const Draft = z
  .object({
    definition: Anything,
    layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).optional(),
  })
  .openapi('Draft');
const ActivationBody = z
  .object({
    pilot: Pilot.optional(),
    reentry: ReentrySettings.optional(),
    quietHours: QuietHours.nullable().optional(),
    frequencyCap: FrequencyCap.nullable().optional(),
    goal: Goal.nullable().optional(),
  })
  .openapi('Activation');

const transition = (name: string, summary: string) =>
  createRoute({
    method: 'post',
    path: `/journeys/{id}/${name}`,
    tags: ['Journeys'],
    summary,
    request: { params: IdParam },
    responses: {
      200: json(Journey, 'The journey after the change'),
      ...conflictResponse,
      ...problemResponses,
    },
  });

/** Which status changes are allowed, from where. */
const ALLOWED: Record<string, JourneyStatus[]> = {
  pause: ['active'],
  resume: ['paused'],
  stop: ['active', 'paused'],
  archive: ['draft', 'paused', 'stopped'],
};
const TARGET: Record<string, JourneyStatus> = {
  pause: 'paused',
  resume: 'active',
  stop: 'stopped',
  archive: 'archived',
};

const AUDITED: Record<string, AuditAction> = {
  pause: 'journey.paused',
  resume: 'journey.resumed',
  stop: 'journey.stopped',
  archive: 'journey.archived',
};

export const journeys = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/templates',
      tags: ['Journeys'],
      summary: 'The journey templates',
      responses: { 200: json(z.array(Anything), 'Templates') },
    }),
    async (c) => {
      return c.json(
        journeyTemplates.map((t) => ({
          id: t.id,
          name: t.name,
          description: t.description,
          definition: t.definition,
          layout: t.layout,
        })),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/journeys',
      tags: ['Journeys'],
      summary: 'List journeys with status, version and counts',
      responses: { 200: json(z.array(Journey), 'Journeys') },
    }),
    async (c) => c.json(await journeySummaries(c.get('deps').sql, c.get('auth').workspaceId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/journeys',
      tags: ['Journeys'],
      summary: 'Create a journey, blank or from a template',
      request: {
        body: { content: { 'application/json': { schema: CreateJourney } }, required: true },
      },
      responses: { 201: json(Journey, 'Created'), ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { name, templateId, language } = c.req.valid('json');
      const template = templateId ? getJourneyTemplate(templateId, language) : undefined;
      if (templateId && !template) {
        throw problem(
          'unknown_template',
          { templateId },
          { errors: [fieldProblem('templateId', 'unknown_template', { templateId })] },
        );
      }
      const [row] = await sql<{ id: string }[]>`
        insert into journeys (workspace_id, name, draft, draft_layout, template_id)
        values (${c.get('auth').workspaceId}, ${name}, ${sql.json((template?.definition ?? blankJourney()) as never)},
                ${sql.json((template?.layout ?? { trigger: { x: 0, y: 0 } }) as never)}, ${templateId ?? null})
        returning id`;
      return c.json(await journeyDetail(sql, c.get('auth').workspaceId, row!.id), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/journeys/{id}',
      tags: ['Journeys'],
      summary: 'A journey with its draft, problems and versions',
      request: { params: IdParam },
      responses: { 200: json(Journey, 'Journey'), ...problemResponses },
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
      path: '/journeys/{id}',
      tags: ['Journeys'],
      summary: 'Rename a journey',
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': { schema: z.object({ name: z.string().trim().min(1).max(120) }) },
          },
          required: true,
        },
      },
      responses: { 200: json(Journey, 'Journey'), ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const { id } = c.req.valid('param');
      await getJourney(sql, workspaceId, id);
      await sql`update journeys set name = ${c.req.valid('json').name}, updated_at = now() where id = ${id}`;
      return c.json(await journeyDetail(sql, workspaceId, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/journeys/{id}',
      tags: ['Journeys'],
      summary: 'Delete a journey that is not running',
      request: { params: IdParam },
      responses: {
        204: { description: 'Deleted' },
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const journey = await getJourney(sql, c.get('auth').workspaceId, c.req.valid('param').id);
      if (journey.status === 'active' || journey.status === 'paused') {
        throw problem('journey_running', { status: journey.status });
      }
      await sql`delete from journeys where id = ${journey.id}`;
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/journeys/{id}/draft',
      tags: ['Journeys'],
      summary: 'Save the draft (autosave); answers with the problems found',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: Draft } }, required: true },
      },
      responses: { 200: json(Journey, 'Saved'), ...conflictResponse, ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const journey = await getJourney(sql, workspaceId, c.req.valid('param').id);
      if (journey.status === 'archived') throw problem('journey_archived', { action: 'edit' });
      const { definition, layout } = c.req.valid('json');
      await sql`
        update journeys set draft = ${sql.json(definition as never)},
          draft_layout = coalesce(${layout ? sql.json(layout as never) : null}, draft_layout),
          draft_updated_at = now(), updated_at = now()
        where id = ${journey.id}`;
      return c.json(await journeyDetail(sql, workspaceId, journey.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/journeys/{id}/validate',
      tags: ['Journeys'],
      summary: 'Validate the draft',
      request: { params: IdParam },
      responses: {
        200: json(z.object({ valid: z.boolean(), problems: z.array(Anything) }), 'Problems'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const journey = await getJourney(
        c.get('deps').sql,
        c.get('auth').workspaceId,
        c.req.valid('param').id,
      );
      const problems = validateJourney(journey.draft);
      return c.json({ valid: problems.length === 0, problems }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/journeys/{id}/publish',
      tags: ['Journeys'],
      summary: 'Publish the draft as a new immutable version (runs in flight stay on theirs)',
      request: { params: IdParam },
      responses: {
        201: json(Journey, 'Published'),
        ...invalidJourneyResponse,
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId, userId } = c.get('auth');
      const journey = await getJourney(sql, workspaceId, c.req.valid('param').id);
      if (journey.status === 'archived') throw problem('journey_archived', { action: 'publish' });
      const problems = validateJourney(journey.draft);
      if (problems.length > 0) {
        throw problem(
          'journey_has_problems',
          { count: problems.length, action: 'publish' },
          { errors: journeyProblemFields(problems) },
        );
      }
      const definition = JourneyDefinition.parse(journey.draft);
      const published = await sql.begin(async (tx) => {
        await tx`select id from journeys where id = ${journey.id} for update`;
        const [last] = await tx<
          { version: number }[]
        >`select greatest(coalesce(max(version), 0), 0) as version from journey_versions where journey_id = ${journey.id}`;
        const [version] = await tx<{ id: string }[]>`
          insert into journey_versions (journey_id, version, definition, layout, published_by)
          values (${journey.id}, ${(last?.version ?? 0) + 1}, ${tx.json(definition as never)}, ${tx.json(journey.draft_layout as never)}, ${userId ?? null})
          returning id`;
        await tx`update journeys set active_version_id = ${version!.id}, updated_at = now() where id = ${journey.id}`;
        return { versionId: version!.id, version: (last?.version ?? 0) + 1 };
      });
      await audit(
        c,
        'journey.published',
        { type: 'journey', id: journey.id, label: journey.name },
        published,
      );
      return c.json(await journeyDetail(sql, workspaceId, journey.id), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/journeys/{id}/activate',
      tags: ['Journeys'],
      summary:
        'Activate as a pilot (enrollment %, holdout %, end date, re-entry, quiet hours, frequency cap, goal)',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: ActivationBody } }, required: false },
      },
      responses: { 200: json(Journey, 'Active'), ...conflictResponse, ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const journey = await getJourney(sql, workspaceId, c.req.valid('param').id);
      if (journey.status === 'archived') throw problem('journey_archived', { action: 'activate' });
      if (journey.status === 'active') throw problem('journey_already_active', {});
      const version = await latestVersion(sql, journey.id);
      if (!version) {
        const problems = validateJourney(journey.draft);
        throw problems.length > 0
          ? problem('draft_has_problems', {}, { errors: journeyProblemFields(problems) })
          : problem('publish_first', {});
      }
      const body = c.req.valid('json') ?? {};
      const activation = Object.fromEntries(
        Object.entries(body).filter(([, v]) => v !== null && v !== undefined),
      );
      if (!activation.pilot)
        activation.pilot = { enrollmentPercent: 100, holdoutPercent: 0, endsAt: defaultPilotEnd() };
      await sql`
        update journeys set status = 'active', activation = ${sql.json(activation as never)},
          active_version_id = coalesce(active_version_id, ${version.id}), updated_at = now()
        where id = ${journey.id}`;
      await syncTrigger(c, journey.id, 'active');
      await audit(
        c,
        'journey.activated',
        { type: 'journey', id: journey.id, label: journey.name },
        {
          version: version.version,
          pilot: activation.pilot,
        },
      );
      return c.json(await journeyDetail(sql, workspaceId, journey.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/journeys/{id}/preview',
      tags: ['Journeys'],
      summary:
        'Run the current draft for a test contact with time compressed (never counted in analytics)',
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': {
              schema: z.object({
                contactId: z.string().uuid().optional(),
                timeScale: z.number().min(1).max(1_000_000).optional().openapi({
                  description: 'How many times faster than real time (default: a day in 10 s)',
                }),
                event: z
                  .object({ name: z.string(), properties: z.record(z.string(), z.unknown()) })
                  .optional(),
              }),
            },
          },
          required: false,
        },
      },
      responses: {
        202: json(Anything, 'Preview started'),
        ...invalidJourneyResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId } = c.get('auth');
      const journey = await getJourney(deps.sql, workspaceId, c.req.valid('param').id);
      const body = c.req.valid('json') ?? {};
      if (body.contactId) {
        const [contact] =
          await deps.sql`select id from contacts where id = ${body.contactId} and workspace_id = ${workspaceId}`;
        if (!contact)
          throw problem(
            'unknown_contact',
            {},
            { errors: [fieldProblem('contactId', 'unknown_contact', {})] },
          );
      }
      return c.json(await startPreview(deps, workspaceId, journey, body), 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/journeys/{id}/enroll',
      tags: ['Journeys'],
      summary:
        'Enroll contacts now (manual triggers, or anyone into an active journey); pilot and re-entry rules apply',
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': {
              schema: z.object({ contactIds: z.array(z.string().uuid()).min(1).max(1000) }),
            },
          },
          required: true,
        },
      },
      responses: {
        202: json(Anything, 'Enrollments'),
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId } = c.get('auth');
      const { id } = c.req.valid('param');
      await getJourney(deps.sql, workspaceId, id);
      const journey = await activeJourney(deps.sql, id);
      if (!journey) throw problem('activate_first', { action: 'enroll' });
      const ids = c.req.valid('json').contactIds;
      const found = await deps.sql<
        { id: string }[]
      >`select id from contacts where workspace_id = ${workspaceId} and id = any(${ids})`;
      const known = new Set(found.map((r) => r.id));
      const missing = ids.filter((x) => !known.has(x));
      if (missing.length > 0) {
        throw problem(
          'contacts_missing',
          { count: missing.length },
          {
            errors: missing.map((m) =>
              fieldProblem(`contactIds[${ids.indexOf(m)}]`, 'missing_contact', { contactId: m }),
            ),
          },
        );
      }
      const enrollments = [];
      for (const contactId of ids)
        enrollments.push({
          contactId,
          ...(await enrollContact(enrollmentTarget(deps), journey, contactId)),
        });
      return c.json({ enrollments }, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/journeys/{id}/sweep',
      tags: ['Journeys'],
      summary:
        'Sweep a segment or schedule journey now: enroll every contact its conditions accept',
      request: { params: IdParam },
      responses: {
        202: json(Anything, 'Sweep started'),
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId } = c.get('auth');
      const { id } = c.req.valid('param');
      await getJourney(deps.sql, workspaceId, id);
      const journey = await activeJourney(deps.sql, id);
      if (!journey) throw problem('activate_first', { action: 'sweep' });
      if (
        journey.definition.trigger.kind !== 'segment' &&
        journey.definition.trigger.kind !== 'schedule'
      ) {
        throw problem('no_segment_to_sweep', { trigger: journey.definition.trigger.kind });
      }
      return c.json({ workflowId: await startSweep(deps, id, `now-${Date.now()}`) }, 202);
    },
  )
  .openapi(transition('pause', 'Pause: no new entries; runs in flight go on'), (c) =>
    changeStatus(c, 'pause'),
  )
  .openapi(transition('resume', 'Resume a paused journey'), (c) => changeStatus(c, 'resume'))
  .openapi(transition('stop', 'Stop: no new entries and every run in flight exits'), (c) =>
    changeStatus(c, 'stop'),
  )
  .openapi(transition('archive', 'Archive a journey that is not running'), (c) =>
    changeStatus(c, 'archive'),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/journeys/{id}/versions',
      tags: ['Journeys'],
      summary: 'Published versions',
      request: { params: IdParam },
      responses: { 200: json(z.array(Anything), 'Versions'), ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const journey = await getJourney(sql, c.get('auth').workspaceId, c.req.valid('param').id);
      const rows = await sql`
        select v.id, v.version, v.published_at, v.definition, v.layout,
               (select count(*)::int from runs r where r.version_id = v.id) as runs,
               (select count(*)::int from runs r where r.version_id = v.id and r.status = 'active') as active_runs
        from journey_versions v where v.journey_id = ${journey.id} and v.version > 0 order by v.version desc`;
      return c.json(rows as unknown as Record<string, unknown>[], 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/journeys/{id}/impact',
      tags: ['Journeys'],
      summary: 'Runs in flight per version and node (for the publish dialog)',
      request: { params: IdParam },
      responses: { 200: json(Anything, 'Impact'), ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const journey = await getJourney(sql, c.get('auth').workspaceId, c.req.valid('param').id);
      const rows = await sql<{ version: number; node_id: string | null; runs: number }[]>`
        select v.version, r.current_node as node_id, count(*)::int as runs
        from runs r join journey_versions v on v.id = r.version_id
        where r.journey_id = ${journey.id} and r.status = 'active' and r.preview = false
        group by v.version, r.current_node order by v.version, runs desc`;
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

async function changeStatus(c: Context<AppEnv>, action: keyof typeof TARGET) {
  const { sql } = c.get('deps');
  const { workspaceId } = c.get('auth');
  const id = c.req.param('id') as string;
  const journey = await getJourney(sql, workspaceId, id);
  const allowed = ALLOWED[action] ?? [];
  if (!allowed.includes(journey.status)) {
    throw problem(
      'invalid_transition',
      { action, status: journey.status, allowed },
      { errors: [fieldProblem('status', 'invalid_transition', { status: journey.status })] },
    );
  }
  await sql`update journeys set status = ${TARGET[action]!}, updated_at = now() where id = ${journey.id}`;
  if (action === 'stop')
    await exitRuns(
      c.get('deps'),
      journey.workspace_id,
      { journeyId: journey.id },
      {
        reason: 'journey stopped',
        by: 'operator',
      },
    );
  await syncTrigger(c, journey.id, TARGET[action] as 'active' | 'paused' | 'stopped' | 'archived');
  const audited = AUDITED[action];
  if (audited)
    await audit(
      c,
      audited,
      { type: 'journey', id: journey.id, label: journey.name },
      {
        from: journey.status,
      },
    );
  return c.json(
    (await journeyDetail(sql, workspaceId, journey.id)) as Record<string, unknown>,
    200,
  );
}

/** Keeps the journey's Temporal Schedule (schedule triggers) or activation sweep (segments) in step. */
async function syncTrigger(
  c: Context<AppEnv>,
  journeyId: string,
  status: 'active' | 'paused' | 'stopped' | 'archived',
) {
  const deps = c.get('deps');
  const journey = await getJourney(deps.sql, c.get('auth').workspaceId, journeyId);
  const version = journey.active_version_id
    ? await getVersion(deps.sql, journey.active_version_id)
    : undefined;
  await onJourneyStatus(deps, { id: journeyId, definition: version?.definition ?? null }, status);
}

function defaultPilotEnd(): string {
  return new Date(Date.now() + 75 * 86_400_000).toISOString().slice(0, 10);
}
