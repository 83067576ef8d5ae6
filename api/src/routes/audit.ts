import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listAudit } from '../audit/audit-log';
import type { AppEnv } from '../deps';
import { validationHook } from '../http/validation';
import { problemResponses } from './schemas';

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'is the `nextBefore` of the previous page')
    .optional(),
});
const AuditEntry = z.record(z.string(), z.unknown()).openapi('AuditEntry');

export const auditLog = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    tags: ['Team'],
    summary:
      'The audit log, newest first: who (member or API key) did what, when and from where. Page with `before` = the previous page’s `nextBefore`.',
    request: { query: AuditQuery },
    responses: {
      200: {
        description: 'A page of entries',
        content: {
          'application/json': {
            schema: z.object({ items: z.array(AuditEntry), nextBefore: z.string().nullable() }),
          },
        },
      },
      ...problemResponses,
    },
  }),
  async (c) =>
    c.json(
      await listAudit(c.get('deps').sql, c.get('auth').workspaceId, c.req.valid('query')),
      200,
    ),
);
