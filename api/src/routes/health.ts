import { randomUUID } from 'node:crypto';
import { outboxStats } from '@ruta/engine';
import { roleAtLeast } from '@ruta/shared';
import { Hono } from 'hono';
import { roleRequired } from '../access/forbidden';
import type { AppDeps, AppEnv } from '../deps';
import { authenticate } from '../http/authenticate';
import { problemResponse } from '../http/problem';

interface Check {
  ok: boolean;
  latencyMs: number;
  error?: string;
  [detail: string]: unknown;
}

async function timed(
  what: string,
  fn: () => Promise<Record<string, unknown> | undefined>,
): Promise<Check> {
  const started = performance.now();
  try {
    const details = await fn();
    return { ok: true, latencyMs: Math.round(performance.now() - started), ...details };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: `${what} did not answer`,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function checkPostgres({ sql }: AppDeps) {
  return timed('PostgreSQL', async () => {
    await withTimeout(sql`select 1`, 3_000, 'PostgreSQL');
    return undefined;
  });
}

export function checkTemporal({ temporal, config }: AppDeps) {
  return timed('Temporal', async () => {
    await withTimeout(
      temporal.workflowService.describeNamespace({ namespace: config.temporalNamespace }),
      3_000,
      'Temporal',
    );
    return { namespace: config.temporalNamespace };
  });
}

/** Signals written for Temporal and not yet delivered (DESIGN §8.2): depth and oldest age. */
export function checkOutbox({ sql }: AppDeps) {
  return timed('PostgreSQL', async () => ({
    ...(await withTimeout(outboxStats(sql), 3_000, 'PostgreSQL')),
  }));
}

/**
 * Runs the probe workflow: proves a worker polls the task queue and reaches PostgreSQL. It starts
 * a workflow and writes a row, so only a signed-in caller may ask for it; it names no host or PID.
 */
export function checkWorker({ temporal, config }: AppDeps) {
  return timed('A Ruta worker', async () => {
    const probeId = randomUUID();
    await withTimeout(
      temporal.workflow.execute('probeWorkflow', {
        taskQueue: config.taskQueue,
        workflowId: `ruta-probe/${probeId}`,
        args: [probeId],
        workflowExecutionTimeout: '10 seconds',
      }),
      10_000,
      'A Ruta worker',
    );
    return { taskQueue: config.taskQueue };
  });
}

const signedIn = authenticate();

/**
 * `GET /api/health` is public and cheap: PostgreSQL and Temporal reachable. `?deep=true` also runs
 * a workflow through a worker (it writes a probe row), so it needs a signed-in admin (or a `full`
 * API key). Either names what failed, never how: details go to the server log.
 */
export const health = new Hono<AppEnv>().get(
  '/',
  async function deepNeedsAnAdmin(c, next) {
    if (c.req.query('deep') !== 'true') return next();
    return signedIn(c, async () => {
      const { role } = c.get('auth');
      if (roleAtLeast(role, 'admin')) return next();
      // Answered here: signedIn calls this in place of the route, so its answer is the context's.
      c.res = problemResponse(c, roleRequired('workspace.manage', role));
    });
  },
  async (c) => {
    const deps = c.get('deps');
    const deep = c.req.query('deep') === 'true';
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
    return c.json(
      {
        status: ok ? 'ok' : 'unavailable',
        postgres,
        temporal,
        outbox,
        ...(worker ? { worker } : {}),
      },
      ok ? 200 : 503,
    );
  },
);
