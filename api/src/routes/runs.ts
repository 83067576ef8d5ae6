import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../deps';
import { isoInstant } from '../http/dates';
import { problem } from '../http/problem';
import { validationHook } from '../http/validation';
import { exitRuns } from '../runs/exit-runs';
import { runsCsv } from '../runs/runs-export';
import { ExitRequested, RunDetail, RunSummary } from '../runs/schemas';
import { listRuns, runDetail, runToExit } from '../runs/views';
import { conflictResponse, IdParam, json, problemResponses } from './schemas';

const tags = ['Runs'];
const Filters = z.object({
  journeyId: z.string().uuid().optional(),
  contactId: z.string().uuid().optional(),
  status: z.enum(['active', 'completed', 'failed']).optional(),
  nodeId: z.string().max(64).optional(),
  step: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'The step a run is at (or ended at): its id, or part of its name' }),
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'The contact: part of the name, phone, email or external id' }),
  outcome: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: 'How the run ended: `converted`, `no_response`, `opted_out`…' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: isoInstant()
    .optional()
    .openapi({ description: 'Runs that started before this time (paging)' }),
});

/** `/api/runs`: every contact's way through a journey, and removing one. */
export const runs = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Runs, newest first, filtered by journey, contact, status or current node',
      request: { query: Filters },
      responses: { 200: json(z.array(RunSummary), 'Runs'), ...problemResponses },
    }),
    async (c) => {
      const rows = await listRuns(
        c.get('deps').sql,
        c.get('auth').workspaceId,
        c.req.valid('query'),
      );
      return c.json(rows as unknown as z.infer<typeof RunSummary>[], 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags,
      summary: 'Every run as CSV (one journey with `journeyId`): the table a pilot is audited with',
      request: { query: z.object({ journeyId: z.string().uuid().optional() }) },
      responses: {
        200: {
          description:
            'UTF-8 CSV with a header row: run_id, journey, version, contact, group, status, outcome, step (by name), started, ended, converted',
          content: { 'text/csv': { schema: z.string() } },
        },
        ...problemResponses,
      },
    }),
    (c) => {
      const { journeyId } = c.req.valid('query');
      const body = runsCsv(c.get('deps').sql, c.get('auth').workspaceId, journeyId);
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="runs${journeyId ? `-${journeyId}` : ''}.csv"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary:
        "A run's timeline: every step, the messages as rendered, signals, and what it waits for now",
      request: { params: IdParam },
      responses: { 200: json(RunDetail, 'Run'), ...problemResponses },
    }),
    async (c) => {
      const run = await runDetail(
        c.get('deps'),
        c.get('auth').workspaceId,
        c.req.valid('param').id,
      );
      return c.json(run as unknown as z.infer<typeof RunDetail>, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/exit',
      tags,
      summary: 'Remove the contact from the journey (the run ends at once, as removed)',
      request: { params: IdParam },
      responses: {
        202: json(ExitRequested, 'Exit requested'),
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId, userId } = c.get('auth');
      const { id } = c.req.valid('param');
      const run = await runToExit(deps.sql, workspaceId, id);
      if (run.status !== 'active') throw problem('run_ended', { status: run.status });
      await exitRuns(
        deps,
        workspaceId,
        { runId: id },
        { reason: 'removed by operator', by: userId ?? 'api_key' },
      );
      return c.json({ id, status: 'exit_requested' as const }, 202);
    },
  );
