import { z } from '@hono/zod-openapi';
import { JourneyDefinition, JourneyLayout } from '@ruta/shared';
import { Instant } from '../journeys/schemas';

export const WaitingFor = z
  .object({
    kind: z.enum(['signals', 'time', 'quiet_hours', 'frequency_cap', 'agent']),
    nodeId: z.string(),
    ports: z.array(z.string()).optional(),
    until: Instant,
    reply: z.boolean().optional(),
  })
  .openapi('WaitingFor');

const RunStatus = z.enum(['active', 'completed', 'failed']);

export const RunSummary = z
  .object({
    id: z.string(),
    journey_id: z.string(),
    journey_name: z.string(),
    version: z.number().int(),
    contact_id: z.string(),
    contact_name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    status: RunStatus,
    outcome: z.string().nullable(),
    current_node: z.string().nullable(),
    current_node_name: z
      .string()
      .nullable()
      .openapi({ description: 'The step’s name, as the marketer wrote it' }),
    current_node_type: z.string().nullable(),
    waiting_for: WaitingFor.nullable(),
    pilot_group: z.enum(['treatment', 'holdout']),
    preview: z.boolean(),
    entry_key: z.string().nullable(),
    started_at: Instant,
    ended_at: Instant.nullable(),
    converted_at: Instant.nullable(),
  })
  .openapi('RunSummary');

export const RunStep = z
  .object({
    seq: z.number().int(),
    at: Instant,
    node_id: z.string(),
    kind: z.string(),
    port: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('RunStep');

export const RunMessage = z
  .object({
    id: z.string(),
    node_id: z.string(),
    channel: z.string(),
    format: z.string(),
    content: z.record(z.string(), z.unknown()),
    status: z.string(),
    error: z.string().nullable(),
    in_window: z.boolean().nullable(),
    cost: z.string().nullable(),
    created_at: Instant,
    sent_at: Instant.nullable(),
    delivered_at: Instant.nullable(),
    read_at: Instant.nullable(),
    opened_at: Instant.nullable(),
    clicked_at: Instant.nullable(),
    replied_at: Instant.nullable(),
    failed_at: Instant.nullable(),
  })
  .openapi('RunMessage');

export const RunDetail = z
  .object({
    id: z.string(),
    journey: z.object({
      id: z.string(),
      name: z.string(),
      version: z.number().int(),
      definition: JourneyDefinition,
      layout: JourneyLayout,
    }),
    contact: z
      .object({
        id: z.string(),
        first_name: z.string().nullable(),
        last_name: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        time_zone: z.string().nullable(),
      })
      .nullable(),
    status: RunStatus,
    outcome: z.string().nullable(),
    group: z.enum(['treatment', 'holdout']),
    preview: z.boolean(),
    entryKey: z.string().nullable(),
    currentNode: z.string().nullable(),
    waitingFor: WaitingFor.nullable(),
    startedAt: Instant,
    endedAt: Instant.nullable(),
    convertedAt: Instant.nullable(),
    steps: z.array(RunStep),
    messages: z.array(RunMessage),
    path: z.array(z.string()).openapi({ description: 'The steps the run went through, in order' }),
    temporal: z.object({
      workflowId: z.string(),
      runId: z.string().nullable(),
      url: z.string().nullable(),
    }),
  })
  .openapi('Run');

export const ExitRequested = z
  .object({ id: z.string(), status: z.literal('exit_requested') })
  .openapi('ExitRequested');
