import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/audit-log';
import {
  ChannelList,
  ChannelView,
  CreateChannel,
  TemplateSync,
  UpdateChannel,
  WorkspaceTemplates,
} from '../channels/channel-schemas';
import { channelView, findChannel, listChannels } from '../channels/channel-views';
import { createChannel, updateChannel } from '../channels/channel-writes';
import { syncTemplates, workspaceTemplates } from '../channels/templates';
import type { AppEnv } from '../deps';
import { notFound } from '../http/problem';
import { validationHook } from '../http/validation';
import { listReceipts, replayReceipt } from '../webhooks/receipts';
import { IdParam, ProblemSchema, problemResponses } from './schemas';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const tags = ['Channels'];

const Receipt = z.record(z.string(), z.unknown()).openapi('WebhookReceipt');
const ReceiptQuery = z.object({
  status: z.enum(['received', 'processed', 'failed']).optional(),
  channelId: z.string().uuid().optional(),
});

export const channels = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/channels',
      tags,
      summary: "The workspace's provider accounts, newest first (secrets are never returned)",
      responses: { 200: json(ChannelList, 'Channels'), ...problemResponses },
    }),
    async (c) => {
      const { sql, config } = c.get('deps');
      const rows = await listChannels(sql, c.get('auth').workspaceId);
      return c.json({ items: rows.map((r) => channelView(r, config.publicUrl)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/channels',
      tags,
      summary:
        'Add a WhatsApp Cloud API, Twilio, SMTP or sandbox channel; the newest channel carrying a message channel sends it',
      request: { body: jsonBody(CreateChannel) },
      responses: { 201: json(ChannelView, 'Created'), ...problemResponses },
    }),
    async (c) => {
      const { sql, secrets, config } = c.get('deps');
      const row = await createChannel(sql, secrets, c.get('auth').workspaceId, c.req.valid('json'));
      await audit(
        c,
        'channel.created',
        { type: 'channel', id: row.id, label: row.name },
        {
          provider: row.provider,
        },
      );
      return c.json(channelView(row, config.publicUrl), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/channels/{id}',
      tags,
      summary: 'One channel',
      request: { params: IdParam },
      responses: { 200: json(ChannelView, 'Channel'), ...problemResponses },
    }),
    async (c) => {
      const { sql, config } = c.get('deps');
      const { id } = c.req.valid('param');
      const row = await findChannel(sql, c.get('auth').workspaceId, id);
      if (!row) throw notFound('channel', id);
      return c.json(channelView(row, config.publicUrl), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/channels/{id}',
      tags,
      summary: 'Rename or change config; a secret left out or empty keeps its stored value',
      request: { params: IdParam, body: jsonBody(UpdateChannel) },
      responses: { 200: json(ChannelView, 'Updated'), ...problemResponses },
    }),
    async (c) => {
      const { sql, secrets, config } = c.get('deps');
      const { id } = c.req.valid('param');
      const row = await findChannel(sql, c.get('auth').workspaceId, id);
      if (!row) throw notFound('channel', id);
      const patch = c.req.valid('json');
      const updated = await updateChannel(sql, secrets, row, patch);
      // Which settings changed, by name: never their values (some are credentials).
      await audit(
        c,
        'channel.updated',
        { type: 'channel', id, label: updated.name },
        {
          provider: updated.provider,
          ...(patch.name !== undefined && patch.name !== row.name ? { renamedFrom: row.name } : {}),
          fields: Object.keys(patch.config ?? {}).sort(),
        },
      );
      return c.json(channelView(updated, config.publicUrl), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/channels/{id}',
      tags,
      summary: 'Remove a channel (its messages keep their history; the sandbox takes over)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { id } = c.req.valid('param');
      const [removed] = await sql<{ name: string; provider: string }[]>`
        delete from channels where id = ${id} and workspace_id = ${c.get('auth').workspaceId}
        returning name, provider`;
      if (!removed) throw notFound('channel', id);
      await audit(
        c,
        'channel.deleted',
        { type: 'channel', id, label: removed.name },
        {
          provider: removed.provider,
        },
      );
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/channels/{id}/templates/sync',
      tags,
      summary: "Read the WhatsApp account's message templates and their approval status",
      request: { params: IdParam },
      responses: {
        200: json(TemplateSync, 'Templates'),
        502: {
          description: 'Meta refused',
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
        503: {
          description: 'No secrets key',
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { id } = c.req.valid('param');
      const row = await findChannel(deps.sql, c.get('auth').workspaceId, id);
      if (!row) throw notFound('channel', id);
      return c.json(await syncTemplates(deps, row, c.req.raw.signal), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/whatsapp-templates',
      tags,
      summary: "Every synced WhatsApp template of the workspace's channels",
      responses: { 200: json(WorkspaceTemplates, 'Templates'), ...problemResponses },
    }),
    async (c) =>
      c.json(
        { items: await workspaceTemplates(c.get('deps').sql, c.get('auth').workspaceId) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/webhook-receipts',
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
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/webhook-receipts/{id}/replay',
      tags,
      summary: 'Process a stored webhook again (after a processing failure was fixed)',
      request: { params: IdParam },
      responses: { 200: json(Receipt, 'Processed again'), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await replayReceipt(c.get('deps'), c.get('auth').workspaceId, id);
      if (!result) throw notFound('webhook_receipt', id);
      return c.json(result as Record<string, unknown>, 200);
    },
  );
