import type { Sql } from '@ruta/platform';
import type { Client } from '@temporalio/client';
import { DeliveryDeferred, deliverRow, type OutboxTarget } from './deliver';
import type { OutboxRow } from './outbox-row';

/** How long a request waits for Temporal before answering with its rows still queued. */
export const DELIVER_NOW_TIMEOUT_MS = 1_000;

/** After Temporal failed a request's delivery, later requests leave their rows queued this long. */
const UNAVAILABLE_FOR_MS = 3_000;

/**
 * When each Temporal client last failed to take a delivery: while Temporal is down, requests do
 * not each spend their deadline finding out (they answer at once; the dispatcher keeps trying).
 */
const failedAt = new WeakMap<Client, number>();

export interface DeliveryOutcome {
  delivered: number;
  /** Rows Temporal did not take now: the dispatcher delivers them (RELIABILITY.md). */
  queued: number;
}

/** How `deliverNow` hands rows over. */
export interface DeliverNowOptions {
  /** How long each workflow's rows may wait for Temporal (from when their turn comes). */
  timeoutMs?: number;
  /** Workflows handed over at once (all of them by default; a sweep's page takes turns). */
  concurrency?: number;
}

/**
 * Delivers the rows this process just wrote (a request, an activity), each workflow's in the order
 * written, within a short deadline. What Temporal does not take now stays in the outbox for the
 * dispatcher, which takes a row once its first `next_attempt_at` (a few seconds on) has passed.
 */
export async function deliverNow(
  target: OutboxTarget,
  rows: readonly OutboxRow[],
  {
    timeoutMs = DELIVER_NOW_TIMEOUT_MS,
    concurrency = Number.POSITIVE_INFINITY,
  }: DeliverNowOptions = {},
): Promise<DeliveryOutcome> {
  if (rows.length === 0) return { delivered: 0, queued: 0 };
  const unavailable = () => Date.now() - (failedAt.get(target.temporal) ?? 0) < UNAVAILABLE_FOR_MS;
  if (unavailable()) return { delivered: 0, queued: rows.length };
  const finished: OutboxRow[] = [];
  let queued = 0;
  const deliverList = async (list: OutboxRow[]) => {
    // Temporal failed another workflow's delivery meanwhile: leave these to the dispatcher.
    if (unavailable()) {
      queued += list.length;
      return;
    }
    const deadline = Date.now() + timeoutMs;
    for (const [index, row] of list.entries()) {
      try {
        await deliverRow(target, row, deadline);
      } catch (error) {
        queued += list.length - index;
        if (!(error instanceof DeliveryDeferred)) failedAt.set(target.temporal, Date.now());
        target.log?.debug(
          { err: error, workflowId: row.workflow_id, outboxId: row.id },
          'signal queued: Temporal did not take it now',
        );
        return;
      }
      finished.push(row);
    }
  };
  const lists = inWorkflowOrder(rows);
  let next = 0;
  const lanes = Math.min(concurrency, lists.length);
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let i = next++; i < lists.length; i = next++) await deliverList(lists[i] as OutboxRow[]);
    }),
  );
  // Not awaited: a row whose mark is lost is delivered again later, and runs ignore repeats.
  void markDelivered(target.sql, finished).catch((error) =>
    target.log?.debug({ err: error }, 'could not mark outbox rows delivered'),
  );
  return { delivered: finished.length, queued };
}

/** Signal rows go once delivered; start rows stay a while (the reconciler may deliver one again). */
export async function markDelivered(sql: Sql, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const signals = rows.filter((r) => r.kind === 'signal').map((r) => r.id);
  const starts = rows.filter((r) => r.kind === 'start').map((r) => r.id);
  await sql`
    with gone as (delete from signal_outbox where id = any(${signals}::bigint[]))
    update signal_outbox set delivered_at = now() where id = any(${starts}::bigint[])`;
}

/** Rows grouped by workflow, each group in id (write) order. */
export function inWorkflowOrder(rows: readonly OutboxRow[]): OutboxRow[][] {
  const groups = new Map<string, OutboxRow[]>();
  for (const row of [...rows].sort((a, b) => compareIds(a.id, b.id))) {
    const list = groups.get(row.workflow_id) ?? [];
    list.push(row);
    groups.set(row.workflow_id, list);
  }
  return [...groups.values()];
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
