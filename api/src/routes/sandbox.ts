import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { fieldRule } from '@ruta/shared';
import type { AppEnv } from '../deps';
import { notFound } from '../http/problem';
import { validationHook } from '../http/validation';
import { receiveInbound } from '../inbound/inbound';
import { receiveStatus } from '../inbound/message-status';
import { problemResponses } from './schemas';

const Channel = z.enum(['whatsapp', 'sms', 'email', 'rcs']);
const Inbound = z
  .object({
    contactId: z.string().uuid(),
    channel: Channel,
    text: z.string().max(4096).optional(),
    buttonId: z.string().max(64).optional(),
    replyTo: z.string().uuid().optional().openapi({
      description:
        'The id of the message being answered (a tap on its button, or a reply to it), as providers name it',
    }),
  })
  .refine((b) => b.text !== undefined || b.buttonId !== undefined, {
    ...fieldRule('text_or_button', {}),
    path: ['text'],
  })
  .openapi('SandboxInbound');

export const sandbox = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/sandbox/conversations/{contactId}',
      tags: ['Sandbox'],
      summary: "The contact's sandbox conversation: messages sent and replies, oldest first",
      request: { params: z.object({ contactId: z.string().uuid() }) },
      responses: {
        200: {
          description: 'Conversation',
          content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { workspaceId } = c.get('auth');
      const { contactId } = c.req.valid('param');
      const [contact] =
        await sql`select id, first_name, last_name, phone, email from contacts where id = ${contactId} and workspace_id = ${workspaceId}`;
      if (!contact) throw notFound('contact', contactId);
      const outbound = await sql`
        select m.id, m.channel, m.format, m.content, m.status, m.created_at as at, m.sent_at, m.delivered_at, m.read_at,
               m.opened_at, m.clicked_at, m.replied_at, m.node_id, m.run_id, m.preview, j.name as journey_name
        from messages m left join journeys j on j.id = m.journey_id
        where m.contact_id = ${contactId} and m.status <> 'held_out' order by m.created_at`;
      const inbound = await sql`
        select i.id, i.channel, i.text, i.button_id, i.intent, i.received_at as at,
               i.routed_by, i.run_id, i.reply_to_message_id, j.name as journey_name
        from inbound_messages i left join runs r on r.id = i.run_id left join journeys j on j.id = r.journey_id
        where i.contact_id = ${contactId} order by i.received_at`;
      const items: Record<string, unknown>[] = [
        ...outbound.map((m) => ({ direction: 'outbound', ...m }) as Record<string, unknown>),
        ...inbound.map((m) => ({ direction: 'inbound', ...m }) as Record<string, unknown>),
      ];
      items.sort((a, b) => new Date(a.at as Date).getTime() - new Date(b.at as Date).getTime());
      return c.json({ contact, items } as Record<string, unknown>, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sandbox/inbound',
      tags: ['Sandbox'],
      summary: 'Reply or tap a button as the contact (same path real providers use)',
      request: { body: { content: { 'application/json': { schema: Inbound } }, required: true } },
      responses: {
        202: {
          description: 'Received',
          content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId } = c.get('auth');
      const body = c.req.valid('json');
      const [contact] =
        await deps.sql`select id from contacts where id = ${body.contactId} and workspace_id = ${workspaceId}`;
      if (!contact) throw notFound('contact', body.contactId);
      const result = await receiveInbound(deps, { workspaceId, ...body, provider: 'sandbox' });
      return c.json(result as Record<string, unknown>, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sandbox/messages/{id}/{event}',
      tags: ['Sandbox'],
      summary: 'Mark a sandbox message delivered, read, opened or clicked',
      request: {
        params: z.object({
          id: z.string().uuid(),
          event: z.enum(['delivered', 'read', 'open', 'click']),
        }),
      },
      responses: {
        202: {
          description: 'Recorded',
          content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { id, event } = c.req.valid('param');
      const result = await receiveStatus(c.get('deps'), c.get('auth').workspaceId, id, event);
      if (!result) throw notFound('message', id);
      return c.json(result as Record<string, unknown>, 202);
    },
  );
