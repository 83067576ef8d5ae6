import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../deps';
import { ProblemSchema } from '../routes/schemas';

const ChannelParam = z.object({ channelId: z.string().uuid() });
const problemDoc = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const refused = {
  401: problemDoc('Bad signature: refused, nothing recorded'),
  404: problemDoc('No such channel'),
};

/**
 * The provider webhooks in the API reference. They are plain Hono routes (they need the raw body
 * to check signatures), so they are described here rather than generated from their handlers.
 */
export function documentWebhooks(app: OpenAPIHono<AppEnv>) {
  const tags = ['Webhooks'];
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/webhooks/whatsapp/{channelId}',
    tags,
    summary: "Meta's verification handshake (hub.mode, hub.verify_token, hub.challenge)",
    security: [],
    request: { params: ChannelParam },
    responses: { 200: { description: 'The challenge, echoed' }, 403: problemDoc('Wrong token') },
  });
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/webhooks/whatsapp/{channelId}',
    tags,
    summary:
      'WhatsApp Cloud API messages and statuses, signed with X-Hub-Signature-256 over the raw body; stored, then routed',
    security: [],
    request: { params: ChannelParam },
    responses: {
      200: { description: 'Stored and processed' },
      400: problemDoc('Malformed'),
      ...refused,
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/webhooks/twilio/{channelId}',
    tags,
    summary:
      'Twilio inbound messages and status callbacks (form-encoded), signed with X-Twilio-Signature over RUTA_PUBLIC_URL + path',
    security: [],
    request: { params: ChannelParam },
    responses: {
      200: { description: 'Stored and processed (empty TwiML)' },
      400: problemDoc('Malformed'),
      ...refused,
    },
  });
}
