import { isOutboundError, outboundRequest } from '@ruta/platform';
import { buildTemplateContext, renderTemplate, type TemplateContext } from '@ruta/shared';
import { ApplicationFailure } from '@temporalio/common';
import type { TriggerEventSnapshot } from '../workflows/journey/types';
import { activitySignal } from './cancellation';
import { loadContactRow, toSnapshot } from './contact-row';
import type { ActivityDeps } from './deps';

export interface WebhookRequest {
  workspaceId: string;
  contactId: string;
  journeyName: string;
  triggerEvent?: TriggerEventSnapshot;
  idempotencyKey: string;
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
  };
}

export interface WebhookResult {
  ok: boolean;
  status?: number;
  json?: unknown;
  error?: string;
}

const MAX_RESPONSE_BYTES = 1024 * 1024;

async function renderOrThrow(
  source: string,
  context: TemplateContext,
  what: string,
): Promise<string> {
  const result = await renderTemplate(source, context);
  if (!result.ok) throw new Error(`${what}: ${result.error.en}`);
  return result.text;
}

export function createWebhookActivities({ sql, log, outbound }: ActivityDeps) {
  return {
    /**
     * Calls the journey's webhook through the outbound guard: never a private, loopback or
     * link-local address unless the server allows it, no redirects, the node's timeout as an
     * overall deadline, a 1 MiB answer cap, and Temporal's cancellation. A timeout or a failed
     * connection throws a retryable failure (Temporal retries the call); a refused destination
     * or answer takes the failure output at once.
     */
    async callWebhook(input: WebhookRequest): Promise<WebhookResult> {
      const contact = toSnapshot(await loadContactRow(sql, input.workspaceId, input.contactId));
      const context = buildTemplateContext({
        contact,
        event: input.triggerEvent
          ? { name: input.triggerEvent.name, properties: input.triggerEvent.properties }
          : null,
        journey: { name: input.journeyName },
      });
      const headers: Record<string, string> = {
        'idempotency-key': input.idempotencyKey,
        'user-agent': 'Ruta-Webhook/1',
      };
      let url: string;
      let body: string | undefined;
      try {
        url = await renderOrThrow(input.request.url, context, 'url');
        for (const [name, value] of Object.entries(input.request.headers)) {
          headers[name.toLowerCase()] = await renderOrThrow(value, context, `header ${name}`);
        }
        if (input.request.body !== undefined) {
          body = await renderOrThrow(input.request.body, context, 'body');
          headers['content-type'] ??= 'application/json';
        }
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
      try {
        const response = await outboundRequest(
          url,
          {
            method: input.request.method,
            headers,
            body,
            deadlineMs: input.request.timeoutMs,
            maxResponseBytes: MAX_RESPONSE_BYTES,
            signal: activitySignal(),
          },
          outbound,
        );
        const ok = response.status >= 200 && response.status < 300;
        return {
          ok,
          status: response.status,
          ...(ok ? { json: jsonOf(response.text, response.headers['content-type']) } : {}),
          ...(ok ? {} : { error: `HTTP ${response.status}` }),
        };
      } catch (error) {
        if (!isOutboundError(error)) throw error;
        log.warn(
          { workspaceId: input.workspaceId, failure: error.failure, detail: error.detail },
          'webhook call failed',
        );
        if (error.failure === 'aborted') throw error;
        if (error.retryable)
          throw ApplicationFailure.retryable(error.message, `webhook_${error.failure}`);
        return { ok: false, error: error.message };
      }
    },
  };
}

function jsonOf(text: string, contentType: string | undefined): unknown {
  if (!/json/.test(contentType ?? '')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
