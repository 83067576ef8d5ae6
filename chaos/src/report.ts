import type { ClientStats } from './client';
import type { FaultRecord } from './faults';
import type { Verdict } from './verify';

export interface Report {
  size: 'small' | 'full';
  carts: number;
  rate: number;
  workers: number;
  seconds: number;
  faults: FaultRecord[];
  client: ClientStats;
  verdict: Verdict;
}

function summarize(records: FaultRecord[]) {
  const kinds = new Map<string, FaultRecord[]>();
  for (const r of records) kinds.set(r.kind, [...(kinds.get(r.kind) ?? []), r]);
  return [...kinds.entries()].map(([kind, list]) => {
    const times = list.map((r) => r.recoveredMs).sort((a, b) => a - b);
    const held = list[0]?.heldDownSeconds;
    return {
      kind,
      count: list.length,
      held: held === undefined ? '' : `${held} s`,
      median: `${(times[Math.floor(times.length / 2)] ?? 0) / 1000} s`,
      worst: `${(times.at(-1) ?? 0) / 1000} s`,
    };
  });
}

/** The run in a few lines, and the table RELIABILITY.md keeps. */
export function printReport(report: Report, log: (line: string) => void) {
  const { verdict } = report;
  log(
    `${report.carts} carts, ${verdict.runs} runs, ${report.seconds} s, ${report.workers} workers`,
  );
  log('| fault | times | held down | recovered (median) | recovered (worst) |');
  log('|---|---|---|---|---|');
  for (const row of summarize(report.faults)) {
    log(`| ${row.kind} | ${row.count} | ${row.held} | ${row.median} | ${row.worst} |`);
  }
  log(`lost: ${JSON.stringify(verdict.lost)}`);
  log(`duplicated: ${JSON.stringify(verdict.duplicated)}`);
  log(
    `timeline gaps: ${verdict.timelineGaps}; unknown outcomes: ${verdict.unknownOutcomes}; outbox left: ${verdict.outboxLeft}`,
  );
  log(
    `client: ${report.client.requests} requests, ${report.client.retries} retries, answers ${JSON.stringify(report.client.byStatus)}, slowest ${report.client.slowestMs} ms, gave up ${report.client.abandoned}`,
  );
  for (const slow of report.client.slow.slice(0, 20))
    log(`slow answer: ${slow.request} ${slow.status} at ${slow.at} s took ${slow.ms} ms`);
  for (const problem of verdict.problems.slice(0, 30)) log(`PROBLEM ${problem}`);
}
