import { z } from '@hono/zod-openapi';
import { Instant } from '../journeys/schemas';

const Outcome = z
  .object({
    inbound: z.number().int(),
    statuses: z.number().int(),
    duplicates: z.number().int(),
    unknownMessageIds: z.array(z.string()),
    routedTo: z.number().int(),
  })
  .openapi('WebhookOutcome');

export const Receipt = z
  .object({
    id: z.string(),
    channelId: z.string().nullable(),
    provider: z.enum(['whatsapp', 'twilio']),
    contentType: z.string().nullable(),
    body: z.string().openapi({ description: 'The body exactly as the provider sent it' }),
    status: z.enum(['received', 'processed', 'failed']),
    outcome: Outcome.nullable(),
    error: z.string().nullable(),
    receivedAt: Instant,
    processedAt: Instant.nullable(),
    erasedAt: Instant.nullable(),
  })
  .openapi('WebhookReceipt');

export const Replayed = z
  .union([
    z.object({ id: z.string(), ok: z.literal(true), outcome: Outcome }),
    z.object({ id: z.string(), ok: z.literal(false), error: z.string() }),
  ])
  .openapi('WebhookReplay');

export const ReceiptQuery = z.object({
  status: z.enum(['received', 'processed', 'failed']).optional(),
  channelId: z.string().uuid().optional(),
});
