import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/audit-log';
import type { AppEnv } from '../deps';
import { validationHook } from '../http/validation';
import { loadWorkspace, renameWorkspace, savePrices } from '../workspace/store';
import { problemResponses } from './schemas';

const tags = ['Workspace'];
const price = z.number().min(0).max(100);
const Prices = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'is an ISO 4217 code such as MXN or USD'),
    whatsapp: z.object({
      marketing: price,
      utility: price,
      authentication: price,
      service: price,
    }),
    sms: price,
    email: price,
    rcs: price,
  })
  .openapi('Prices');
const Workspace = z
  .object({ id: z.string(), name: z.string(), prices: Prices, createdAt: z.string() })
  .openapi('Workspace');
const json = { 'application/json': { schema: Workspace } };

const load = (c: Parameters<typeof audit>[0]) =>
  loadWorkspace(c.get('deps').sql, c.get('auth').workspaceId);

/** The workspace: its name (admins) and its prices per message (owners: they are billing-like). */
export const workspace = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'The workspace: name and prices per message (defaults where none are set)',
      responses: { 200: { description: 'The workspace', content: json } },
    }),
    async (c) => c.json(await load(c), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/',
      tags,
      summary: 'Rename the workspace',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z
                .object({ name: z.string().trim().min(1).max(120) })
                .openapi('WorkspaceChange'),
            },
          },
          required: true,
        },
      },
      responses: { 200: { description: 'Renamed', content: json }, ...problemResponses },
    }),
    async (c) => {
      const before = await load(c);
      const { name } = c.req.valid('json');
      await renameWorkspace(c.get('deps').sql, before.id, name);
      await audit(
        c,
        'workspace.updated',
        { type: 'workspace', id: before.id, label: name },
        {
          renamedFrom: before.name,
        },
      );
      return c.json(await load(c), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/prices',
      tags,
      summary:
        'Set the price per message per channel (WhatsApp per category), used for cost in KPIs',
      request: { body: { content: { 'application/json': { schema: Prices } }, required: true } },
      responses: { 200: { description: 'Set', content: json }, ...problemResponses },
    }),
    async (c) => {
      const prices = c.req.valid('json');
      const before = await load(c);
      await savePrices(c.get('deps').sql, before.id, prices);
      await audit(
        c,
        'workspace.prices_changed',
        { type: 'workspace', id: before.id, label: before.name },
        {
          from: before.prices,
          to: prices,
        },
      );
      return c.json(await load(c), 200);
    },
  );
