import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { fieldRule } from '@ruta/shared';
import { journeyAnalytics } from '../analytics/journey-analytics';
import { JourneyAnalytics } from '../analytics/schemas';
import type { AppEnv } from '../deps';
import { dateOrTimeQuery } from '../http/dates';
import { validationHook } from '../http/validation';
import { IdParam, json, problemResponses } from './schemas';

const knownTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const Query = z.object({
  version: z
    .string()
    .regex(
      /^(\d{1,9}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
      'a version number or a version id',
    )
    .optional()
    .openapi({ description: 'Only runs of this version (number or id); all versions when absent' }),
  from: dateOrTimeQuery('Runs that entered on or after this day (in `tz`) or instant'),
  to: dateOrTimeQuery(
    'Runs that entered on or before this day (in `tz`, whole day), or before this instant',
  ),
  tz: z
    .string()
    .max(64)
    .refine(knownTimeZone, fieldRule('time_zone', {}))
    .default('UTC')
    .openapi({ description: 'Time zone of days (range and daily series); UTC by default' }),
});

/** `/api/journeys/{id}/analytics`: how a journey does. */
export const analytics = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/{id}/analytics',
    tags: ['Analytics'],
    summary:
      'Per node and edge counts, messages, goal, lift against the holdout (Newcombe 95% CI), cost and a daily series',
    description:
      'Preview runs are never counted. Runs are selected by when they entered (`from`/`to`). A run converts when the goal event reached it or, once it ended without converting, when a goal event for its contact (and entry key) occurred within the goal window counted from its start. Lift is the difference of conversion rates (treatment − holdout) with Newcombe’s hybrid score 95% interval.',
    request: { params: IdParam, query: Query },
    responses: {
      200: json(JourneyAnalytics, 'Analytics'),
      ...problemResponses,
    },
  }),
  async (c) => {
    const report = await journeyAnalytics(
      c.get('deps').sql,
      c.get('auth').workspaceId,
      c.req.valid('param').id,
      c.req.valid('query'),
    );
    return c.json(report as unknown as z.infer<typeof JourneyAnalytics>, 200);
  },
);
