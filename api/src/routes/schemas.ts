import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    /** A stable code for the whole problem, when it has one (e.g. a provider's refusal). */
    code: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          message_es: z.string().optional(),
          code: z.string().optional(),
          nodeId: z.string().optional(),
        }),
      )
      .optional(),
  })
  .openapi('Problem');

export const Me = z
  .object({
    user: z
      .object({ id: z.string(), email: z.string(), name: z.string(), locale: z.string() })
      .nullable(),
    workspace: z.object({ id: z.string(), name: z.string() }),
    /** The member's role; for an API key, the role it acts with (`full`: admin, `ingest`: editor). */
    role: z.string(),
    apiKey: z
      .object({ id: z.string(), name: z.string(), scope: z.enum(['ingest', 'full']) })
      .nullable()
      .optional(),
  })
  .openapi('Me');

export const IdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const problemResponses = {
  400: {
    description: 'Invalid request',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  404: {
    description: 'Not found',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
} as const;

export const conflictResponse = {
  409: {
    description: 'Not possible in the current state (the problem says why)',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
} as const;

export const invalidJourneyResponse = {
  422: {
    description: 'The journey has problems (each with its node id and field path)',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
} as const;
