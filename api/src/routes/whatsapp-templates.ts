import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { WorkspaceTemplates } from '../channels/channel-schemas';
import { workspaceTemplates } from '../channels/templates';
import type { AppEnv } from '../deps';
import { validationHook } from '../http/validation';
import { json, problemResponses } from './schemas';

/** `/api/whatsapp-templates`: the approved WhatsApp templates a send step can use. */
export const whatsappTemplates = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Channels'],
    summary: "Every synced WhatsApp template of the workspace's channels",
    responses: { 200: json(WorkspaceTemplates, 'Templates'), ...problemResponses },
  }),
  async (c) =>
    c.json({ items: await workspaceTemplates(c.get('deps').sql, c.get('auth').workspaceId) }, 200),
);
