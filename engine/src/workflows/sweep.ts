import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index';

const { sweepJourneyPage } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 10 },
});

export interface SweepTotals {
  scanned: number;
  matched: number;
  enrolled: number;
}

/** Sweeps a segment / schedule journey's contacts page by page (started by its Temporal Schedule or at activation). */
export async function sweepWorkflow(input: {
  journeyId: string;
  after?: string;
  totals?: SweepTotals;
}): Promise<SweepTotals> {
  const totals = { ...(input.totals ?? { scanned: 0, matched: 0, enrolled: 0 }) };
  let after = input.after;
  for (let pages = 0; pages < 200; pages++) {
    const page = await sweepJourneyPage({
      journeyId: input.journeyId,
      ...(after ? { after } : {}),
    });
    totals.scanned += page.scanned;
    totals.matched += page.matched;
    totals.enrolled += page.enrolled;
    if (!page.next) return totals;
    after = page.next;
  }
  return continueAsNew<typeof sweepWorkflow>({ journeyId: input.journeyId, after, totals });
}
