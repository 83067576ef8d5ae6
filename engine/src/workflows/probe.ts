import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index';

const { recordProbe } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

/** Proves the chain Temporal → worker → PostgreSQL: used by `GET /api/health?deep=true`. */
export async function probeWorkflow(probeId: string): Promise<{ workerIdentity: string }> {
  return recordProbe(probeId);
}
