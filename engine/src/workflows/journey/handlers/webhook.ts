import type { WebhookNode } from '@ruta/shared/workflow';
import { ActivityFailure, patched, workflowInfo } from '@temporalio/workflow';
import { webhooks } from '../activities';
import type { NodeHandler } from './types';

/** `patched()` id: a saved response survives the contact refreshes of later steps. */
export const KEEP_WEBHOOK_RESPONSE = 'keep-webhook-response';

/** Holdout and preview runs do not call out: a webhook may act on the customer. */
export const webhook: NodeHandler<WebhookNode> = async (ctx, node, nodeId, visit) => {
  if (ctx.holdout || ctx.input.preview) {
    const reason = ctx.holdout ? 'holdout' : 'preview';
    ctx.record(nodeId, 'webhook', { skipped: reason });
    return { port: 'success', detail: { skipped: reason } };
  }
  const { input } = ctx;
  try {
    const result = await webhooks(node.timeoutMs).callWebhook({
      workspaceId: input.workspaceId,
      contactId: input.contactId,
      journeyName: input.journeyName,
      triggerEvent: input.triggerEvent,
      idempotencyKey: `${workflowInfo().workflowId}:${nodeId}:${visit}`,
      request: {
        method: node.method,
        url: node.url,
        headers: node.headers,
        body: node.body,
        timeoutMs: node.timeoutMs,
      },
    });
    ctx.record(nodeId, 'webhook', { status: result.status, ok: result.ok, error: result.error });
    if (result.ok && node.saveResponseAs && result.json !== undefined) {
      if (patched(KEEP_WEBHOOK_RESPONSE)) {
        // Kept apart from the contact, which every send and update refreshes from the database.
        ctx.saved[node.saveResponseAs] = result.json;
      } else {
        ctx.contact = {
          ...ctx.contact,
          attributes: { ...ctx.contact.attributes, [node.saveResponseAs]: result.json },
        };
      }
    }
    return {
      port: result.ok ? 'success' : 'failure',
      detail: { status: result.status, error: result.error },
    };
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const message = error.cause?.message ?? error.message;
    ctx.record(nodeId, 'webhook', { ok: false, error: message });
    return { port: 'failure', detail: { error: message } };
  }
};
