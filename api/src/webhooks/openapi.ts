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
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/webhooks/sources/{platform}/{sourceId}',
    tags,
    summary:
      'A store webhook: Shopify (X-Shopify-Hmac-Sha256, deduplicated by X-Shopify-Webhook-Id), WooCommerce (X-WC-Webhook-Signature; the creation ping answered 200), Tiendanube (x-linkedstore-hmac-sha256, lowercase hex); a Segment source takes single messages with its write key. Verified on the raw bytes, stored raw, then mapped to checkout_started / order_placed and contacts',
    security: [],
    request: {
      params: z.object({
        platform: z.enum(['shopify', 'tiendanube', 'woocommerce', 'segment']),
        sourceId: z.string().uuid(),
      }),
    },
    responses: {
      200: { description: 'Stored and processed: `{received, status, duplicate}`' },
      400: problemDoc('Malformed: refused, nothing recorded'),
      401: problemDoc('Bad signature: refused, nothing recorded'),
      404: problemDoc('No such source'),
    },
  });
  for (const type of ['track', 'identify', 'page', 'batch'] as const)
    app.openAPIRegistry.registerPath({
      method: 'post',
      path: `/v1/${type}`,
      tags: ['Segment-compatible API'],
      summary: `Segment's HTTP Tracking API \`${type}\` call, with a Segment source's write key as the Basic auth user name; answered 200 {"success": true} as Segment does`,
      security: [],
      responses: {
        200: { description: '{"success": true}' },
        400: problemDoc('Malformed: refused, nothing recorded'),
        401: problemDoc('No or unknown write key'),
      },
    });
}
