import http from 'node:http';
import https from 'node:https';
import { buildTemplateContext, renderTemplate, type TemplateContext } from '@ruta/shared';
import type { TriggerEventSnapshot } from '../workflows/journey/types';
import { loadContactRow, toSnapshot } from './contact-row';
import type { ActivityDeps } from './deps';
import { guardedLookup, refusedLiteralAddress } from './webhook-guard';

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

export function createWebhookActivities({ sql, webhookGuard }: ActivityDeps) {
  return {
    /** Calls the journey's webhook; never reaches loopback, private or link-local addresses unless allowed. */
    async callWebhook(input: WebhookRequest): Promise<WebhookResult> {
      const contact = toSnapshot(await loadContactRow(sql, input.workspaceId, input.contactId));
      const context = buildTemplateContext({
        contact,
        event: input.triggerEvent
          ? { name: input.triggerEvent.name, properties: input.triggerEvent.properties }
          : null,
        journey: { name: input.journeyName },
      });
      let url: URL;
      const headers: Record<string, string> = {
        'idempotency-key': input.idempotencyKey,
        'user-agent': 'Ruta-Webhook/1',
      };
      let body: string | undefined;
      try {
        url = new URL(await renderOrThrow(input.request.url, context, 'url'));
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
          throw new Error(`unsupported protocol ${url.protocol}`);
        const refused = refusedLiteralAddress(url.hostname, webhookGuard);
        if (refused) throw refused;
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
      return new Promise<WebhookResult>((resolve) => {
        const client = url.protocol === 'https:' ? https : http;
        const req = client.request(
          url,
          {
            method: input.request.method,
            headers,
            timeout: input.request.timeoutMs,
            lookup: guardedLookup(url.hostname, webhookGuard) as never,
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
            });
            res.on('end', () => {
              const status = res.statusCode ?? 0;
              const text = Buffer.concat(chunks).toString('utf8');
              let json: unknown;
              if (/json/.test(res.headers['content-type'] ?? '')) {
                try {
                  json = JSON.parse(text);
                } catch {
                  json = undefined;
                }
              }
              resolve({
                ok: status >= 200 && status < 300,
                status,
                json,
                ...(status >= 300 ? { error: `HTTP ${status}` } : {}),
              });
            });
          },
        );
        req.on('timeout', () =>
          req.destroy(new Error(`no answer within ${input.request.timeoutMs} ms`)),
        );
        req.on('error', (error) => resolve({ ok: false, error: error.message }));
        if (body !== undefined) req.write(body);
        req.end();
      });
    },
  };
}
