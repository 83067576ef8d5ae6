import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { pricesFrom } from '@ruta/engine';
import { audit } from '../audit/audit-log';
import type { AppEnv } from '../deps';
import { validationHook } from '../http/validation';
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

async function load(c: Parameters<typeof audit>[0]) {
  const [row] = await c.get('deps').sql<
    { id: string; name: string; settings: unknown; created_at: Date }[]
  >`select id, name, settings, created_at from workspaces where id = ${c.get('auth').workspaceId}`;
  if (!row) throw new Error('the workspace of this request is gone');
  return {
    id: row.id,
    name: row.name,
    prices: pricesFrom(row.settings),
    createdAt: row.created_at.toISOString(),
  };
}

/** The workspace: its name (admins) and its prices per message (owners: they are billing-like). */
export const workspace = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/workspace',
      tags,
      summary: 'The workspace: name and prices per message (defaults where none are set)',
      responses: { 200: { description: 'The workspace', content: json } },
    }),
    async (c) => c.json(await load(c), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/workspace',
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
      await c.get('deps').sql`update workspaces set name = ${name} where id = ${before.id}`;
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
      path: '/workspace/prices',
      tags,
      summary:
        'Set the price per message per channel (WhatsApp per category), used for cost in KPIs',
      request: { body: { content: { 'application/json': { schema: Prices } }, required: true } },
      responses: { 200: { description: 'Set', content: json }, ...problemResponses },
    }),
    async (c) => {
      const prices = c.req.valid('json');
      const { sql } = c.get('deps');
      const before = await load(c);
      await sql`
        update workspaces set settings = settings || ${sql.json({ prices } as never)}::jsonb
        where id = ${before.id}`;
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
