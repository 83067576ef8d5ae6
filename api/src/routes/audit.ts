import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AUDIT_ACTIONS } from '@ruta/shared';
import { listAudit } from '../audit/audit-log';
import type { AppEnv } from '../deps';
import { validationHook } from '../http/validation';
import { Instant } from '../journeys/schemas';
import { json, problemResponses } from './schemas';

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'is the `nextBefore` of the previous page')
    .optional(),
});
const AuditEntry = z
  .object({
    id: z.string(),
    at: Instant,
    action: z
      .enum(AUDIT_ACTIONS)
      .openapi({ description: 'What was done, e.g. `journey.published`' }),
    actor: z.object({
      type: z.enum(['user', 'api_key', 'system']),
      id: z.string().nullable(),
      label: z.string().nullable(),
    }),
    target: z
      .object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() })
      .nullable(),
    detail: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .openapi('AuditEntry');

/** `/api/audit`: who did what. */
export const auditLog = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Team'],
    summary:
      'The audit log, newest first: who (member or API key) did what, when and from where. Page with `before` = the previous page’s `nextBefore`.',
    request: { query: AuditQuery },
    responses: {
      200: json(
        z.object({ items: z.array(AuditEntry), nextBefore: z.string().nullable() }),
        'A page of entries',
      ),
      ...problemResponses,
    },
  }),
  async (c) =>
    c.json(
      await listAudit(c.get('deps').sql, c.get('auth').workspaceId, c.req.valid('query')),
      200,
    ),
);
