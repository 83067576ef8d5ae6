import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../deps';
import { notFound } from '../http/problem';
import { validationHook } from '../http/validation';
import { Receipt, ReceiptQuery, Replayed } from '../webhooks/receipt-schemas';
import { listReceipts, replayReceipt } from '../webhooks/receipts';
import { IdParam, json, problemResponses } from './schemas';

const tags = ['Channels'];

/** `/api/webhook-receipts`: what providers sent, as stored, and replaying it. */
export const webhookReceipts = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Webhooks received from providers, newest first (the raw body as stored)',
      request: { query: ReceiptQuery },
      responses: {
        200: json(z.object({ items: z.array(Receipt) }), 'Receipts'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const items = await listReceipts(
        c.get('deps').sql,
        c.get('auth').workspaceId,
        c.req.valid('query'),
      );
      return c.json({ items: items as unknown as z.infer<typeof Receipt>[] }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/replay',
      tags,
      summary: 'Process a stored webhook again (after a processing failure was fixed)',
      request: { params: IdParam },
      responses: { 200: json(Replayed, 'Processed again'), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await replayReceipt(c.get('deps'), c.get('auth').workspaceId, id);
      if (!result) throw notFound('webhook_receipt', id);
      return c.json(result, 200);
    },
  );
