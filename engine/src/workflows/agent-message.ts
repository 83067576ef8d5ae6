import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index';
import type { SendOutcome, SendRequest } from '../activities/send';

const { sendMessage } = proxyActivities<Activities>({
  startToCloseTimeout: '60 seconds',
  heartbeatTimeout: '5 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumAttempts: 6 },
});

/**
 * One message an agent writes in the inbox, sent through the same provider activity as a
 * journey's (consent, the WhatsApp window, idempotency, the message row and its statuses). The
 * workflow id is the message's own, so a retried request never sends it twice.
 */
export async function agentMessageWorkflow(
  request: Omit<SendRequest, 'journeyNow'>,
): Promise<SendOutcome> {
  return sendMessage({ ...request, journeyNow: Date.now() });
}
