import type { Logger, Sql } from '@ruta/platform';
import type { Client } from '@temporalio/client';
import { deliverRow } from './deliver';
import { inWorkflowOrder, markDelivered } from './deliver-now';
import { type OutboxRow, outboxRows } from './outbox-row';
import { reconcileRuns } from './reconcile';

export interface DispatcherOptions {
  sql: Sql;
  temporal: Client;
  log: Logger;
  /** Where rebuilt starts go (the reconciler starts runs recorded without an outbox row). */
  taskQueue: string;
  /** Between passes when nothing was due (default 1 s). */
  intervalMs?: number;
  /** Rows claimed per pass (default 200). */
  batch?: number;
  /** Between reconciler passes (default 60 s). */
  reconcileEveryMs?: number;
  /** Work the owner wants done on the dispatcher's clock (the API re-routes unrouted events). */
  everyPass?: () => Promise<void>;
}

export interface OutboxDispatcher {
  /** One pass now (tests; the loop calls it on its own). Resolves with the rows delivered. */
  pass(): Promise<number>;
  stop(): Promise<void>;
}

const PER_DELIVERY_MS = 5_000;
const PARALLEL_WORKFLOWS = 32;

/**
 * Delivers the outbox (DESIGN §8.2): takes due rows (leasing them 30 s so several API processes
 * share the work), delivers each workflow's rows in order, stops a workflow's rows at its first
 * failure and tries them again with backoff (2 s … 60 s) until Temporal takes them. Now and then
 * it reconciles runs with no workflow behind them and forgets old delivered starts.
 */
export function startOutboxDispatcher(options: DispatcherOptions): OutboxDispatcher {
  const { sql, log, intervalMs = 1_000, batch = 200, reconcileEveryMs = 60_000 } = options;
  const target = { sql, temporal: options.temporal, log };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let lastReconcile = Date.now();
  let lastReport = 0;

  async function deliverClaimed(rows: OutboxRow[]) {
    const delivered: OutboxRow[] = [];
    const failed: { id: string; error: string }[] = [];
    const groups = inWorkflowOrder(rows);
    for (let i = 0; i < groups.length; i += PARALLEL_WORKFLOWS) {
      await Promise.all(
        groups.slice(i, i + PARALLEL_WORKFLOWS).map(async (list) => {
          for (const [index, row] of list.entries()) {
            try {
              await deliverRow(target, row, Date.now() + PER_DELIVERY_MS);
              delivered.push(row);
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              for (const rest of list.slice(index)) failed.push({ id: rest.id, error: message });
              return;
            }
          }
        }),
      );
    }
    await markDelivered(sql, delivered);
    if (failed.length > 0) {
      await sql`
        update signal_outbox o set last_error = f.error,
          next_attempt_at = now() + make_interval(secs => least(60, power(2, least(o.attempts, 6))))
        from jsonb_to_recordset(${sql.json(failed as never)}) as f(id bigint, error text)
        where o.id = f.id`;
    }
    return { delivered: delivered.length, failed: failed.length };
  }

  async function pass(): Promise<number> {
    const claimed = outboxRows(
      await sql`
        with due as (
          select o.id from signal_outbox o
          where o.delivered_at is null and o.next_attempt_at <= now()
            and not exists (
              select 1 from signal_outbox p
              where p.workflow_id = o.workflow_id and p.delivered_at is null and p.id < o.id
                and p.next_attempt_at > now())
          order by o.id limit ${batch}
          for update skip locked
        )
        update signal_outbox o set attempts = o.attempts + 1,
          next_attempt_at = now() + interval '30 seconds'
        from due where o.id = due.id
        returning o.id, o.workspace_id, o.run_id, o.workflow_id, o.kind, o.signal, o.payload, o.attempts`,
    );
    if (claimed.length === 0) return 0;
    const { delivered, failed } = await deliverClaimed(claimed);
    if (failed > 0)
      log.warn({ delivered, failed }, 'outbox: Temporal did not take every signal; retrying');
    else log.debug({ delivered }, 'outbox delivered');
    return delivered;
  }

  async function housekeeping() {
    if (Date.now() - lastReconcile >= reconcileEveryMs) {
      lastReconcile = Date.now();
      await reconcileRuns({ ...target, taskQueue: options.taskQueue });
      await sql`delete from signal_outbox where delivered_at < now() - interval '7 days'`;
    }
    if (Date.now() - lastReport >= 30_000) {
      const stats = await outboxStats(sql);
      if (stats.depth > 0) {
        lastReport = Date.now();
        log.warn(stats, 'outbox: signals waiting for Temporal');
      }
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = (async () => {
        let busy = false;
        try {
          busy = (await pass()) >= batch;
          await options.everyPass?.();
          await housekeeping();
        } catch (error) {
          log.warn({ err: error }, 'outbox pass failed; trying again');
        }
        schedule(busy ? 0 : intervalMs);
      })();
    }, delay);
    timer.unref?.();
  }
  schedule(intervalMs);

  return {
    pass,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}

export interface OutboxStats {
  /** Rows not yet delivered. */
  depth: number;
  /** Age of the oldest of them, in seconds (0 when none). */
  oldestSeconds: number;
}

/** For `GET /api/health` and the logs. */
export async function outboxStats(sql: Sql): Promise<OutboxStats> {
  const [row] = await sql<{ depth: number; oldest: number | null }[]>`
    select count(*)::int as depth, extract(epoch from now() - min(created_at))::float8 as oldest
    from signal_outbox where delivered_at is null`;
  return { depth: row?.depth ?? 0, oldestSeconds: Math.round(row?.oldest ?? 0) };
}
