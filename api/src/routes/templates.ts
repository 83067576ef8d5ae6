import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { journeyTemplates } from '@ruta/shared';
import type { AppEnv } from '../deps';
import { validationHook } from '../http/validation';
import { JourneyTemplate } from '../journeys/schemas';
import { json } from './schemas';

/** `/api/templates`: the journeys a marketer can start from. */
export const templates = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Journeys'],
    summary: 'The journey templates',
    responses: { 200: json(z.array(JourneyTemplate), 'Templates') },
  }),
  (c) =>
    c.json(
      journeyTemplates.map((t) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        definition: t.definition,
        layout: t.layout,
      })),
      200,
    ),
);
