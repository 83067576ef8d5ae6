import { z } from '@hono/zod-openapi';

const FieldProblemSchema = z
  .object({
    path: z.string().openapi({ example: 'contactIds[0]' }),
    code: z.string().openapi({ description: 'Stable code, from the error catalog' }),
    params: z.record(z.string(), z.unknown()).optional(),
    message: z.string(),
    message_es: z.string(),
    message_pt: z.string(),
    nodeId: z
      .string()
      .optional()
      .openapi({ description: 'The journey node, for journey problems' }),
  })
  .openapi('FieldProblem');

/** RFC 9457 problem details, with Ruta's stable code and its texts in English, Spanish and Portuguese. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    status: z.number().int(),
    code: z.string().openapi({
      description:
        'Stable code from the error catalog (search it in the docs); the texts follow from it',
      example: 'not_found',
    }),
    params: z.record(z.string(), z.unknown()).optional(),
    title: z.string(),
    title_es: z.string(),
    title_pt: z.string(),
    detail: z.string(),
    detail_es: z.string(),
    detail_pt: z.string(),
    errors: z.array(FieldProblemSchema).optional(),
  })
  .loose()
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

/** A JSON answer of a route: its schema and what it is. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true as const,
});
