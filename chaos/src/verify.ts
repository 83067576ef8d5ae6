import { createSql } from '@ruta/platform';
import { type Cart, EXPECTED } from './traffic';

interface RunRow {
  id: string;
  entry_key: string;
  status: string;
  outcome: string | null;
  taps: number;
}

export interface Verdict {
  carts: number;
  runs: number;
  /** Carts with no run, runs not ended as expected, taps that never reached their run. */
  lost: { notEnrolled: number; wrongOutcome: number; unfinished: number; tapsNotReceived: number };
  /** Extra runs for a cart, extra messages for a run's step, extra deliveries of one message. */
  duplicated: { runs: number; messages: number; deliveries: number };
  /** Runs whose timeline skips a step number or has no end. */
  timelineGaps: number;
  /** Sends whose provider answer was lost and that were not repeated (counted, not a failure). */
  unknownOutcomes: number;
  outboxLeft: number;
  problems: string[];
}

/** Whether every run has ended (the runs table), for waiting until the traffic settled. */
export async function allEnded(databaseUrl: string, journeyId: string, carts: number) {
  const sql = createSql(databaseUrl, { max: 1 });
  try {
    const [row] = await sql<{ ended: number }[]>`
      select count(*)::int as ended from runs where journey_id = ${journeyId} and status <> 'active'`;
    return (row?.ended ?? 0) >= carts;
  } finally {
    await sql.end();
  }
}

/**
 * Reads Ruta's database after the run: every cart enrolled once, every run ended with the outcome
 * its customer's action calls for, one message per run and step and one delivery per message,
 * every tap on its run's timeline, no gap in any timeline, nothing left in the outbox.
 */
export async function verify(
  databaseUrl: string,
  journeyId: string,
  carts: Cart[],
): Promise<Verdict> {
  const sql = createSql(databaseUrl, { max: 2 });
  try {
    const runs: RunRow[] = await sql<RunRow[]>`
      select r.id, r.entry_key, r.status, r.outcome,
             (select count(*)::int from run_steps s where s.run_id = r.id and s.kind = 'signal'
                and s.detail->>'kind' = 'reply' and s.detail->>'buttonId' = 'buy') as taps
      from runs r where r.journey_id = ${journeyId}`;
    const byCart = new Map<string, RunRow[]>();
    for (const run of runs) byCart.set(run.entry_key, [...(byCart.get(run.entry_key) ?? []), run]);
    const problems: string[] = [];
    const lost = { notEnrolled: 0, wrongOutcome: 0, unfinished: 0, tapsNotReceived: 0 };
    let extraRuns = 0;
    for (const cart of carts) {
      const found = byCart.get(cart.id) ?? [];
      if (found.length === 0) {
        lost.notEnrolled += 1;
        problems.push(`cart ${cart.id}: never enrolled`);
        continue;
      }
      extraRuns += found.length - 1;
      if (found.length > 1) problems.push(`cart ${cart.id}: ${found.length} runs`);
      const run = found[0];
      if (!run) continue;
      if (run.status === 'active') {
        lost.unfinished += 1;
        problems.push(`cart ${cart.id}: run ${run.id} still active`);
      } else if (run.outcome !== EXPECTED[cart.action]) {
        lost.wrongOutcome += 1;
        problems.push(`cart ${cart.id}: ${run.outcome}, expected ${EXPECTED[cart.action]}`);
      }
      if (cart.action !== 'order' && run.taps === 0) {
        lost.tapsNotReceived += 1;
        problems.push(`cart ${cart.id}: the tap never reached run ${run.id}`);
      }
    }
    const [dupMessages] = await sql<{ extra: number }[]>`
      select coalesce(sum(n - 1), 0)::int as extra from (
        select count(*) as n from messages where journey_id = ${journeyId}
        group by run_id, node_id) m`;
    const [dupDeliveries] = await sql<{ extra: number }[]>`
      select coalesce(sum(n - 1), 0)::int as extra from (
        select count(*) as n from sandbox_deliveries d join messages m on m.id = d.message_id
        where m.journey_id = ${journeyId} group by d.message_id) d`;
    const [gaps] = await sql<{ gaps: number }[]>`
      select count(*)::int as gaps from (
        select r.id from runs r left join run_steps s on s.run_id = r.id
        where r.journey_id = ${journeyId}
        group by r.id
        having coalesce(max(s.seq), 0) <> count(s.seq) or min(s.seq) <> 1
            or (bool_and(r.status <> 'active') and not bool_or(s.kind = 'ended'))) g`;
    const [unknown] = await sql<{ n: number }[]>`
      select count(*)::int as n from messages where journey_id = ${journeyId} and status = 'unknown'`;
    const [outbox] = await sql<{ n: number }[]>`
      select count(*)::int as n from signal_outbox where delivered_at is null`;
    if ((dupMessages?.extra ?? 0) > 0) problems.push(`${dupMessages?.extra} duplicated messages`);
    if ((dupDeliveries?.extra ?? 0) > 0)
      problems.push(`${dupDeliveries?.extra} duplicated deliveries`);
    if ((gaps?.gaps ?? 0) > 0) problems.push(`${gaps?.gaps} timelines with a gap`);
    if ((outbox?.n ?? 0) > 0) problems.push(`${outbox?.n} signals still in the outbox`);
    return {
      carts: carts.length,
      runs: runs.length,
      lost,
      duplicated: {
        runs: extraRuns,
        messages: dupMessages?.extra ?? 0,
        deliveries: dupDeliveries?.extra ?? 0,
      },
      timelineGaps: gaps?.gaps ?? 0,
      unknownOutcomes: unknown?.n ?? 0,
      outboxLeft: outbox?.n ?? 0,
      problems,
    };
  } finally {
    await sql.end();
  }
}
