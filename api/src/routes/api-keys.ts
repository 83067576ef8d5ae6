import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { API_KEY_SCOPES } from '@ruta/shared';
import { audit } from '../audit/audit-log';
import type { AppEnv } from '../deps';
import { validationHook } from '../http/validation';
import { Instant } from '../journeys/schemas';
import { createApiKey, listApiKeys, revokeApiKey } from '../team/api-keys';
import { IdParam, json, jsonBody, problemResponses } from './schemas';

const tags = ['Team'];

const NewApiKey = z
  .object({ name: z.string().trim().min(1).max(80), scope: z.enum(API_KEY_SCOPES) })
  .openapi('NewApiKey');
const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scope: z.enum(API_KEY_SCOPES),
    createdAt: Instant,
    createdBy: z.object({ id: z.string().nullable(), email: z.string().nullable() }),
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .openapi('ApiKey');

export const apiKeys = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary:
        "The workspace's API keys (prefix, scope, last used, revoked); never the keys themselves",
      responses: { 200: json(z.object({ items: z.array(ApiKey) }), 'Keys') },
    }),
    async (c) =>
      c.json({ items: await listApiKeys(c.get('deps').sql, c.get('auth').workspaceId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary:
        'Create a key: `ingest` (events, contacts, source webhooks) or `full` (an admin’s rights). The key is in this answer only.',
      request: { body: { content: { 'application/json': { schema: NewApiKey } }, required: true } },
      responses: {
        201: json(
          z.object({
            id: z.string(),
            key: z.string(),
            name: z.string(),
            prefix: z.string(),
            scope: z.enum(API_KEY_SCOPES),
            createdAt: z.string(),
          }),
          'Created (copy the key now: it is not shown again)',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { workspaceId, userId } = c.get('auth');
      const input = c.req.valid('json');
      const created = await createApiKey(c.get('deps').sql, {
        workspaceId,
        name: input.name,
        scope: input.scope,
        createdBy: userId ?? null,
      });
      await audit(
        c,
        'api_key.created',
        { type: 'api_key', id: created.id, label: input.name },
        {
          scope: input.scope,
          prefix: created.prefix,
        },
      );
      return c.json(
        {
          ...created,
          name: input.name,
          scope: input.scope,
          createdAt: created.createdAt.toISOString(),
        },
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Revoke a key: refused from the next request on, in every API process',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...problemResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { workspaceId, userId } = c.get('auth');
      const { id } = c.req.valid('param');
      const revoked = await revokeApiKey(deps.sql, workspaceId, id, userId ?? null);
      deps.apiKeyCache.evict(revoked.keyHash);
      if (revoked.wasActive)
        await audit(c, 'api_key.revoked', { type: 'api_key', id, label: revoked.name });
      return c.body(null, 204);
    },
  );
