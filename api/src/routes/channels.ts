import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/audit-log';
import {
  ChannelList,
  ChannelView,
  CreateChannel,
  TemplateSync,
  UpdateChannel,
} from '../channels/channel-schemas';
import { channelView, findChannel, listChannels } from '../channels/channel-views';
import { createChannel, deleteChannel, updateChannel } from '../channels/channel-writes';
import { syncTemplates } from '../channels/templates';
import type { AppEnv } from '../deps';
import { notFound } from '../http/problem';
import { validationHook } from '../http/validation';
import { IdParam, json, jsonBody, ProblemSchema, problemResponses } from './schemas';

const tags = ['Channels'];

export const channels = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
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
      path: '/',
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
      path: '/{id}',
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
      path: '/{id}',
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
      path: '/{id}',
      tags,
      summary: 'Remove a channel (its messages keep their history; the sandbox takes over)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const removed = await deleteChannel(c.get('deps').sql, c.get('auth').workspaceId, id);
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
      path: '/{id}/templates/sync',
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
  );
