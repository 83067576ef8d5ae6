import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../deps';
import { handoffDetail } from '../handoffs/detail';
import { listQueues, saveQueue } from '../handoffs/queues';
import { closeHandoff, sendAgentMessage } from '../handoffs/reply';
import {
  AgentMessage,
  AgentMessageSent,
  HandoffChange,
  HandoffDetail,
  HandoffList,
  HandoffNote,
  HandoffQueue,
  HandoffQueueChange,
  HandoffQueueSaved,
  InboxCounts,
  NewHandoffNote,
  QueueParam,
} from '../handoffs/schemas';
import {
  addNote,
  agentMember,
  assignHandoff,
  findHandoff,
  inboxCounts,
  listHandoffs,
} from '../handoffs/store';
import { problem } from '../http/problem';
import { validationHook } from '../http/validation';
import { conflictResponse, IdParam, json, jsonBody, problemResponses } from './schemas';

const tags = ['Conversations'];

const ListQuery = z.object({
  status: z.enum(['active', 'open', 'assigned', 'closed']).default('active'),
  queue: z.string().max(60).optional(),
  /** `me`: only the caller's conversations. */
  assignee: z.union([z.literal('me'), z.string().uuid()]).optional(),
});

/** `/api/handoffs`: the inbox («Conversaciones») — hand-offs from journeys to people. */
export const handoffs = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary:
        'Conversations handed to people: waiting ones oldest first (with how long each waited), per queue',
      request: { query: ListQuery },
      responses: { 200: json(HandoffList, 'The inbox'), ...problemResponses },
    }),
    async (c) => {
      const { workspaceId, userId } = c.get('auth');
      const query = c.req.valid('query');
      if (query.assignee === 'me' && !userId)
        throw problem('handoff_not_member', { userId: 'api_key' });
      const assignee = query.assignee === 'me' ? userId : query.assignee;
      const list = await listHandoffs(c.get('deps').sql, workspaceId, {
        status: query.status,
        ...(query.queue ? { queue: query.queue } : {}),
        ...(assignee ? { assignee } : {}),
      });
      return c.json(list, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/summary',
      tags,
      summary:
        'How many conversations wait per queue, and how many nobody took (the navigation badge): counts only',
      responses: { 200: json(InboxCounts, 'Counts') },
    }),
    async (c) => c.json(await inboxCounts(c.get('deps').sql, c.get('auth').workspaceId), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/queues',
      tags,
      summary: 'Every queue and who hears of its new conversations (emails, signed webhook)',
      responses: { 200: json(z.object({ items: z.array(HandoffQueue) }), 'Queues') },
    }),
    async (c) =>
      c.json({ items: await listQueues(c.get('deps').sql, c.get('auth').workspaceId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/queues/{queue}',
      tags,
      summary:
        'Who hears of the queue’s new conversations: members by email, and a webhook signed with `Ruta-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")` (the secret is in this answer once)',
      request: { params: QueueParam, body: jsonBody(HandoffQueueChange) },
      responses: {
        200: json(HandoffQueueSaved, 'Saved'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { queue } = c.req.valid('param');
      const saved = await saveQueue(
        c.get('deps'),
        c.get('auth').workspaceId,
        queue,
        c.req.valid('json'),
      );
      return c.json(saved, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary:
        'One conversation: the customer, the journey’s context (cart, what they tapped or wrote, the path), every message and reply on every channel, notes and the WhatsApp window',
      request: { params: IdParam },
      responses: { 200: json(HandoffDetail, 'The conversation'), ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const row = await findHandoff(sql, c.get('auth').workspaceId, c.req.valid('param').id);
      return c.json(await handoffDetail(sql, row), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary:
        'Take it (`assignTo: "me"`), give it to a member or back to the queue (`null`), or close it with a result (a run that waits for it goes on by that result)',
      request: { params: IdParam, body: jsonBody(HandoffChange) },
      responses: {
        200: json(HandoffDetail, 'The conversation now'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId, userId } = c.get('auth');
      const id = c.req.valid('param').id;
      const change = c.req.valid('json');
      let row = await findHandoff(deps.sql, workspaceId, id);
      if (change.assignTo !== undefined) {
        const target = change.assignTo === 'me' ? userId : change.assignTo;
        if (change.assignTo === 'me' && !userId)
          throw problem('handoff_not_member', { userId: 'api_key' });
        const assignee = target ? await agentMember(deps.sql, workspaceId, target) : null;
        await assignHandoff(deps.sql, row, assignee);
        row = await findHandoff(deps.sql, workspaceId, id);
      }
      if (change.close) {
        await closeHandoff(deps, row, change.close.result, userId ?? null);
        row = await findHandoff(deps.sql, workspaceId, id);
      }
      return c.json(await handoffDetail(deps.sql, row), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/messages',
      tags,
      summary:
        'Answer the customer on the conversation’s channel: free text (WhatsApp: inside the 24-hour window) or an approved WhatsApp template; the same `clientId` never sends twice',
      request: { params: IdParam, body: jsonBody(AgentMessage) },
      responses: {
        201: json(AgentMessageSent, 'Sent'),
        ...problemResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId, userId } = c.get('auth');
      const row = await findHandoff(deps.sql, workspaceId, c.req.valid('param').id);
      const sent = await sendAgentMessage(
        deps,
        row,
        { userId: userId ?? null },
        c.req.valid('json'),
      );
      return c.json(sent, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/notes',
      tags,
      summary: 'A note for the team (the customer never sees it)',
      request: { params: IdParam, body: jsonBody(NewHandoffNote) },
      responses: { 201: json(HandoffNote, 'Written'), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId, userId, email, apiKey } = c.get('auth');
      const row = await findHandoff(deps.sql, workspaceId, c.req.valid('param').id);
      const note = await addNote(
        deps.sql,
        row.id,
        { id: userId ?? null, label: email ?? apiKey?.name ?? null },
        c.req.valid('json').body,
      );
      return c.json(note, 201);
    },
  );
