import type { Distribution } from '../stats';
import type { PgWrites } from './pg-writes';

/** One side's enrollment (#1), reply latency (#2) and worker memory (#4) over the same population. */
export interface PassResult {
  enrolled: number;
  enrollMs: number;
  /** Enrollments accepted per second (the callers' view: `signalWithStart` / `POST /api/events` answered). */
  perSecond: number;
  /** From the first enrollment until every run waits (the worker has caught up). */
  allWaitingMs: number;
  rssAfterEnrollMb: number;
  rssPeakMb: number;
  rssAfterRepliesMb: number;
  latency: Distribution;
  /** Reply sent → activity scheduled by the server (includes the workflow task). */
  toScheduled: Distribution;
  /** Activity scheduled → its code starts in the worker (task matching and polling). */
  scheduledToStart: Distribution;
  replyErrors: number;
  /** CPU seconds per process: while enrollments were accepted, until all waited, during the replies. */
  cpu?: {
    accept: Record<string, number>;
    settle: Record<string, number>;
    replies: Record<string, number>;
  };
  cacheSize?: number | undefined;
  /** History events of one run once it waits (Ruta's pass; before any reply). */
  historyEvents?: number;
  historyBytes?: number;
  /** Rows written per enrollment, per table, until every run waits (Ruta's pass). */
  pgWrites?: PgWrites;
  /** Ruta's pass: runs whose step sent twice, contacts enrolled twice by one event (both must be 0). */
  sentTwice?: number;
  contactsWithTwoRuns?: number;
}

/** `count` distinct indexes in [0, population), spread at random (a fixed seed: runs compare). */
export function sampleIndexes(population: number, count: number): number[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const all = Array.from({ length: population }, (_, i) => i);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, count);
}
