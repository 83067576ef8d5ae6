import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { stateQuery } from '@ruta/engine';
import type { AppEnv } from '../deps';
import { isoInstant } from '../http/dates';
import { notFound, problem } from '../http/problem';
import { validationHook } from '../http/validation';
import { exitRuns } from '../runs/exit-runs';
import { conflictResponse, IdParam, problemResponses } from './schemas';

const Filters = z.object({
  journeyId: z.string().uuid().optional(),
  contactId: z.string().uuid().optional(),
  status: z.enum(['active', 'completed', 'failed']).optional(),
  nodeId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: isoInstant()
    .optional()
    .openapi({ description: 'Runs that started before this time (paging)' }),
});
const Anything = z.record(z.string(), z.unknown());

function temporalLink(
  uiUrl: string | undefined,
  namespace: string,
  workflowId: string,
  runId: string | null,
) {
  if (!uiUrl) return null;
  const path = `/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return `${uiUrl}${path}${runId ? `/${encodeURIComponent(runId)}` : ''}/history`;
}

export const runs = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/runs',
      tags: ['Runs'],
      summary: 'Runs, newest first, filtered by journey, contact, status or current node',
      request: { query: Filters },
      responses: {
        200: {
          description: 'Runs',
          content: { 'application/json': { schema: z.array(Anything) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const f = c.req.valid('query');
      const rows = await sql`
        select r.id, r.journey_id, j.name as journey_name, v.version, r.contact_id,
               trim(coalesce(ct.first_name, '') || ' ' || coalesce(ct.last_name, '')) as contact_name, ct.phone, ct.email,
               r.status, r.outcome, r.current_node, r.waiting_for, r.pilot_group, r.preview, r.entry_key,
               r.started_at, r.ended_at, r.converted_at
        from runs r join journeys j on j.id = r.journey_id join journey_versions v on v.id = r.version_id
        join contacts ct on ct.id = r.contact_id
        where r.workspace_id = ${workspaceId}
          ${f.journeyId ? sql`and r.journey_id = ${f.journeyId}` : sql``}
          ${f.contactId ? sql`and r.contact_id = ${f.contactId}` : sql``}
          ${f.status ? sql`and r.status = ${f.status}` : sql``}
          ${f.nodeId ? sql`and r.current_node = ${f.nodeId}` : sql``}
          ${f.before ? sql`and r.started_at < ${f.before}` : sql``}
        order by r.started_at desc limit ${f.limit}`;
      return c.json(rows as unknown as Record<string, unknown>[], 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/runs/{id}',
      tags: ['Runs'],
      summary:
        "A run's timeline: every step, the messages as rendered, signals, and what it waits for now",
      request: { params: IdParam },
      responses: {
        200: { description: 'Run', content: { 'application/json': { schema: Anything } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { sql, temporal, config } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const { id } = c.req.valid('param');
      const [run] = await sql`
        select r.*, j.name as journey_name, v.version, v.definition, v.layout
        from runs r join journeys j on j.id = r.journey_id join journey_versions v on v.id = r.version_id
        where r.id = ${id} and r.workspace_id = ${workspaceId}`;
      if (!run) throw notFound('run', id);
      const [steps, messages, contact] = await Promise.all([
        sql`select seq, at, node_id, kind, port, detail from run_steps where run_id = ${id} order by seq`,
        sql`select id, node_id, channel, format, content, status, error, in_window, cost, created_at, sent_at, delivered_at,
                   read_at, opened_at, clicked_at, replied_at, failed_at from messages where run_id = ${id} order by created_at`,
        sql`select id, first_name, last_name, phone, email, time_zone from contacts where id = ${run.contact_id}`,
      ]);
      let live: unknown = null;
      if (run.status === 'active') {
        live = await Promise.race([
          temporal.workflow
            .getHandle(run.workflow_id)
            .query(stateQuery)
            .catch(() => null),
          new Promise((resolve) => setTimeout(() => resolve(null), 2_000).unref()),
        ]);
      }
      return c.json(
        {
          id: run.id,
          journey: {
            id: run.journey_id,
            name: run.journey_name,
            version: run.version,
            definition: run.definition,
            layout: run.layout,
          },
          contact: contact[0] ?? null,
          status: run.status,
          outcome: run.outcome,
          group: run.pilot_group,
          preview: run.preview,
          entryKey: run.entry_key,
          currentNode: run.current_node,
          waitingFor: (live as { waitingFor?: unknown } | null)?.waitingFor ?? run.waiting_for,
          startedAt: run.started_at,
          endedAt: run.ended_at,
          convertedAt: run.converted_at,
          steps,
          messages,
          path: [...new Set(steps.map((s) => s.node_id as string))],
          temporal: {
            workflowId: run.workflow_id,
            runId: run.temporal_run_id,
            url: temporalLink(
              config.temporalUiUrl,
              config.temporalNamespace,
              run.workflow_id,
              run.temporal_run_id,
            ),
          },
        } as Record<string, unknown>,
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/runs/{id}/exit',
      tags: ['Runs'],
      summary: 'Remove the contact from the journey (the run ends at once, as removed)',
      request: { params: IdParam },
      responses: {
        202: {
          description: 'Exit requested',
          content: { 'application/json': { schema: Anything } },
        },
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId, userId } = c.get('auth');
      const { id } = c.req.valid('param');
      const [run] = await deps.sql<{ workflow_id: string; status: string }[]>`
        select workflow_id, status from runs where id = ${id} and workspace_id = ${workspaceId}`;
      if (!run) throw notFound('run', id);
      if (run.status !== 'active') throw problem('run_ended', { status: run.status });
      await exitRuns(
        deps,
        workspaceId,
        { runId: id },
        {
          reason: 'removed by operator',
          by: userId ?? 'api_key',
        },
      );
      return c.json({ id, status: 'exit_requested' }, 202);
    },
  );
