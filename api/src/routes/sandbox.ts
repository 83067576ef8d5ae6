import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { fieldRule } from '@ruta/shared';
import type { AppEnv } from '../deps';
import { notFound } from '../http/problem';
import { validationHook } from '../http/validation';
import { receiveInbound } from '../inbound/inbound';
import { receiveStatus } from '../inbound/message-status';
import { conversation, sandboxContact } from '../sandbox/conversation';
import { Conversation, InboundReceived, StatusRecorded } from '../sandbox/schemas';
import { json, problemResponses } from './schemas';

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

/** `/api/sandbox`: be the customer — read the conversation, reply, tap, open. */
export const sandbox = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{contactId}',
      tags: ['Sandbox'],
      summary: "The contact's sandbox conversation: messages sent and replies, oldest first",
      request: { params: z.object({ contactId: z.string().uuid() }) },
      responses: {
        200: json(Conversation, 'Conversation'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const found = await conversation(
        c.get('deps').sql,
        c.get('auth').workspaceId,
        c.req.valid('param').contactId,
      );
      return c.json(found as unknown as z.infer<typeof Conversation>, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/inbound',
      tags: ['Sandbox'],
      summary: 'Reply or tap a button as the contact (same path real providers use)',
      request: { body: { content: { 'application/json': { schema: Inbound } }, required: true } },
      responses: {
        202: json(InboundReceived, 'Received'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId } = c.get('auth');
      const body = c.req.valid('json');
      await sandboxContact(deps.sql, workspaceId, body.contactId);
      const result = await receiveInbound(deps, { workspaceId, ...body, provider: 'sandbox' });
      return c.json(result, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/messages/{id}/{event}',
      tags: ['Sandbox'],
      summary: 'Mark a sandbox message delivered, read, opened or clicked',
      request: {
        params: z.object({
          id: z.string().uuid(),
          event: z.enum(['delivered', 'read', 'open', 'click']),
        }),
      },
      responses: {
        202: json(StatusRecorded, 'Recorded'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { id, event } = c.req.valid('param');
      const result = await receiveStatus(c.get('deps'), c.get('auth').workspaceId, id, event);
      if (!result) throw notFound('message', id);
      return c.json(result, 202);
    },
  );
