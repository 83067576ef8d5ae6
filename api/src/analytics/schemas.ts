import { z } from '@hono/zod-openapi';
import { Duration } from '@ruta/shared';

const Count = z.number().int();
const Interval = z.object({ low: z.number(), high: z.number() });

/** Per step, the treatment group (the runs that got the journey); the holdout apart. */
const NodeStats = z.object({
  entered: Count.openapi({ description: 'Distinct treatment runs that entered the step' }),
  visits: Count.openapi({ description: "Entries, counting a run's repeated visits" }),
  exited_here: Count,
  removed_here: Count.openapi({
    description: 'Runs removed from the journey while here (left out of percentages)',
  }),
  converted_here: Count.openapi({
    description: 'Runs that reached the goal while here (their run ended here as converted)',
  }),
  in_flight: Count.openapi({ description: 'Runs at this step now' }),
  ports: z.record(z.string(), Count).openapi({ description: 'Runs that left by each output' }),
  holdout_entered: Count.openapi({
    description: 'Holdout runs that passed here without being sent anything',
  }),
});

const EdgeStats = z.object({
  source: z.string(),
  source_port: z.string(),
  target: z.string(),
  count: Count,
  percent: z.number().nullable(),
});

const MessageTotals = z.object({
  sent: Count,
  delivered: Count,
  read: Count,
  opened: Count,
  clicked: Count,
  replied: Count,
  failed: Count,
  held_out: Count,
  cost: z.number(),
});

const Group = z.object({
  entered: Count,
  converted: Count,
  rate: z.number().nullable(),
  ci95: Interval.nullable(),
  median_seconds_to_convert: z.number().nullable(),
});

const Estimate = z.object({ value: z.number(), ci95: Interval }).nullable();

const VersionRef = z.object({ id: z.string(), version: z.number().int() }).nullable();

/** GET /api/journeys/{id}/analytics: what the canvas overlay and the KPI page draw. */
export const JourneyAnalytics = z
  .object({
    journey_id: z.string(),
    version: VersionRef.openapi({ description: 'The version asked for, if one was' }),
    graph_version: VersionRef.openapi({ description: 'The version whose steps `edges` follows' }),
    range: z.object({ from: z.string().nullable(), to: z.string().nullable(), tz: z.string() }),
    nodes: z.record(z.string(), NodeStats),
    edges: z.record(z.string(), EdgeStats),
    messages: z.record(
      z.string(),
      MessageTotals.extend({ by_channel: z.record(z.string(), MessageTotals) }),
    ),
    goal: z.object({
      event: z.string().nullable(),
      window: Duration.nullable(),
      /** The treatment group's runs, removed ones left out. */
      entered: Count,
      /** The treatment group's conversions (in the run or after it). */
      conversions: Count,
      in_run: Count,
      after_run: Count,
      rate: z.number().nullable(),
      median_seconds_to_convert: z.number().nullable(),
      /** Nine in ten of the treatment's conversions came within this many seconds. */
      p90_seconds_to_convert: z.number().nullable(),
    }),
    splits: z
      .record(
        z.string(),
        z.object({
          variants: z.array(
            z.object({
              port: z.string(),
              label: z.string(),
              entered: Count,
              converted: Count,
              rate: z.number().nullable(),
              ci95: Interval.nullable(),
            }),
          ),
          winner: z.string().nullable(),
          difference: z.object({ value: z.number(), ci95: Interval }).nullable(),
        }),
      )
      .openapi({
        description:
          'Per A/B split: each variant’s conversion among the treatment runs that took it; `winner` only when the best’s 95 % interval against the next best excludes zero',
      }),
    handoffs: z
      .array(
        z.object({
          queue: z.string(),
          total: Count,
          open: Count,
          closed: Count,
          sold: Count,
          solved: Count,
          no_sale: Count,
          first_response_median_seconds: z.number().nullable(),
          first_response_p90_seconds: z.number().nullable(),
          close_median_seconds: z.number().nullable(),
          converted: Count,
        }),
      )
      .openapi({
        description:
          'Per queue, the conversations the journey handed to people: open and closed, the agents’ results, first response time (median, p90), time to close, and how many became conversions (the goal’s definition, not the agent’s word)',
      }),
    runs: z.object({
      entered: z.object({ treatment: Count, holdout: Count }),
      removed: z.object({ treatment: Count, holdout: Count }).openapi({
        description: 'Runs removed by a person: left out of every rate',
      }),
    }),
    lift: z.object({
      treatment: Group,
      holdout: Group,
      absolute: Estimate,
      relative: Estimate,
      method: z.literal('newcombe_wilson'),
      significant: z.boolean(),
      conclusive: z.boolean(),
      note: z
        .object({
          code: z.enum(['no_holdout', 'no_treatment', 'too_small', 'not_significant']),
          en: z.string(),
          es: z.string(),
          pt: z.string(),
        })
        .nullable(),
      needed_per_group: z.number().int().nullable().openapi({
        description:
          'While there is no conclusion: runs per group for the difference seen to show at 95 % confidence, 80 % power',
      }),
    }),
    cost: z.object({
      currency: z.string(),
      total: z.number(),
      per_conversion: z.number().nullable(),
      incremental_conversions: z.number().nullable(),
      per_incremental_conversion: z.number().nullable(),
      breakdown: z
        .array(
          z.object({
            channel: z.string(),
            category: z.string().nullable(),
            in_window: z.boolean().nullable(),
            sent: Count,
            cost: z.number(),
          }),
        )
        .openapi({
          description: 'Sent messages and their cost by channel, WhatsApp category and window',
        }),
    }),
    series: z.array(
      z.object({
        day: z.string(),
        entered: z.object({ treatment: Count, holdout: Count }),
        conversions: z.object({ treatment: Count, holdout: Count }),
      }),
    ),
  })
  .openapi('JourneyAnalytics');
