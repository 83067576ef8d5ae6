import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { roleAtLeast } from '@ruta/shared';
import { roleRequired } from '../access/forbidden';
import type { AppEnv } from '../deps';
import { checkOutbox, checkPostgres, checkTemporal, checkWorker } from '../health/checks';
import { authenticate } from '../http/authenticate';
import { problemResponse } from '../http/problem';
import { validationHook } from '../http/validation';
import { json, ProblemSchema } from './schemas';

const Check = z
  .object({
    ok: z.boolean(),
    latencyMs: z.number(),
    error: z.string().optional().openapi({ description: 'What did not answer (never how)' }),
  })
  .catchall(z.unknown())
  .openapi('HealthCheck');

const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    postgres: Check,
    temporal: Check,
    outbox: Check.openapi({ description: 'Signals not yet delivered to Temporal: depth and age' }),
    worker: Check.optional().openapi({ description: 'Only with `deep=true`' }),
  })
  .openapi('Health');

const signedIn = authenticate();

/**
 * `GET /api/health` is public and cheap: PostgreSQL and Temporal reachable. `?deep=true` also runs
 * a workflow through a worker (it writes a probe row), so it needs a signed-in admin (or a `full`
 * API key). Either names what failed, never how: details go to the server log.
 */
export const health = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Health'],
    summary: 'Is Ruta up? PostgreSQL, Temporal and the signal outbox (deep: a worker too)',
    security: [],
    request: {
      query: z.object({
        deep: z.string().optional().openapi({
          description:
            '`true`: also run a workflow through a worker (needs an admin or a `full` key)',
        }),
      }),
    },
    middleware: [
      async function deepNeedsAnAdmin(c, next) {
        if (c.req.query('deep') !== 'true') return next();
        return signedIn(c, async () => {
          const { role } = c.get('auth');
          if (roleAtLeast(role, 'admin')) return next();
          // Answered here: signedIn calls this in place of the route, so its answer is the context's.
          c.res = problemResponse(c, roleRequired('workspace.manage', role));
        });
      },
    ] as const,
    responses: {
      200: json(Health, 'Everything answers'),
      503: json(Health, 'Something does not answer (named in its check)'),
      401: {
        description: '`deep=true` without a session or key',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
      403: {
        description: '`deep=true` by a role below admin',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    },
  }),
  async (c) => {
    const deps = c.get('deps');
    const deep = c.req.valid('query').deep === 'true';
    const [postgres, temporal, outbox, worker] = await Promise.all([
      checkPostgres(deps),
      checkTemporal(deps),
      checkOutbox(deps),
      deep ? checkWorker(deps) : Promise.resolve(undefined),
    ]);
    // What failed is named; how (addresses, driver errors) goes to the server log only.
    for (const check of [postgres, temporal, outbox, worker]) {
      if (!check?.detail) continue;
      deps.log.warn({ detail: check.detail }, `health: ${check.error}`);
      delete check.detail;
    }
    const ok = postgres.ok && temporal.ok && (worker?.ok ?? true);
    const body = {
      status: ok ? ('ok' as const) : ('unavailable' as const),
      postgres,
      temporal,
      outbox,
      ...(worker ? { worker } : {}),
    };
    return ok ? c.json(body, 200) : c.json(body, 503);
  },
);
