import { z } from '@hono/zod-openapi';
import { Instant } from '../journeys/schemas';

const Channel = z.enum(['whatsapp', 'sms', 'email', 'rcs']);
const Nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** One line of a conversation: a message Ruta sent, or what the contact wrote or tapped. */
export const ConversationItem = z
  .object({
    direction: z.enum(['outbound', 'inbound']),
    id: z.string(),
    channel: Channel,
    at: Instant,
    journey_name: Nullable(z.string()),
    run_id: Nullable(z.string()),
    // Outbound
    format: z.string().optional(),
    content: z.record(z.string(), z.unknown()).optional(),
    status: z.string().optional(),
    node_id: Nullable(z.string()),
    preview: z.boolean().optional(),
    sent_at: Nullable(Instant),
    delivered_at: Nullable(Instant),
    read_at: Nullable(Instant),
    opened_at: Nullable(Instant),
    clicked_at: Nullable(Instant),
    replied_at: Nullable(Instant),
    // Inbound
    text: Nullable(z.string()),
    button_id: Nullable(z.string()),
    intent: Nullable(z.string()),
    reply_to_message_id: Nullable(z.string()),
    routed_by: Nullable(z.enum(['context', 'latest_message', 'opt_out', 'none'])).openapi({
      description: 'Inbound: how the reply was routed (DESIGN §8.1); `none` when no journey waited',
    }),
  })
  .openapi('ConversationItem');

export const Conversation = z
  .object({
    contact: z.object({
      id: z.string(),
      first_name: z.string().nullable(),
      last_name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    items: z.array(ConversationItem),
  })
  .openapi('Conversation');

export const InboundReceived = z
  .object({
    id: z.string().optional(),
    intent: z.string().nullable(),
    optedOut: z.boolean(),
    routedTo: z.number().int(),
    routedBy: z.string().optional(),
    runIds: z.array(z.string()).optional(),
    messageId: z.string().optional(),
    note: z.string().optional(),
    duplicate: z.boolean(),
  })
  .openapi('InboundReceived');

export const StatusRecorded = z
  .object({ id: z.string(), status: z.string() })
  .openapi('MessageStatusRecorded');
