import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index';

const { pollTiendanubeCheckouts } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', maximumAttempts: 5 },
});

/** Started by a Tiendanube source's Temporal Schedule: reads its abandoned checkouts once. */
export async function sourcePollWorkflow(input: { sourceId: string }) {
  return pollTiendanubeCheckouts(input);
}
