import { z } from '@hono/zod-openapi';
import {
  FrequencyCap,
  Goal,
  JourneyDefinition,
  JourneyLayout,
  Localized,
  Pilot,
  QuietHours,
  ReentrySettings,
  ValidationProblem,
} from '@ruta/shared';

/** A moment, as ISO 8601 with its offset. */
export const Instant = z.string().openapi({ format: 'date-time', example: '2026-12-04T18:00:00Z' });

export const JourneyStatus = z
  .enum(['draft', 'active', 'paused', 'stopped', 'completed', 'archived'])
  .openapi('JourneyStatus');

/**
 * What "Activar piloto" sets over the published version's settings, for new runs: `null` switches
 * quiet hours, the frequency cap or the goal off; a setting left out keeps what the version says.
 */
export const Activation = z
  .object({
    pilot: Pilot.optional(),
    reentry: ReentrySettings.optional(),
    quietHours: QuietHours.nullable().optional(),
    frequencyCap: FrequencyCap.nullable().optional(),
    goal: Goal.nullable().optional(),
  })
  .openapi('Activation');

/** Where an active pilot with an end date stands (null otherwise). */
const PilotPhaseSchema = z.enum(['running', 'finishing', 'ended']).nullable().openapi({
  description:
    '`running` until its end date is over; then `finishing` while runs are in flight (nobody new enters), then `ended`',
});

export const JourneySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    status: JourneyStatus,
    version: z.number().int().nullable().openapi({ description: 'The active version, if any' }),
    templateId: z.string().nullable(),
    entered: z.number().int(),
    /** Conversions of the treatment group, as the KPI page counts them. */
    converted: z.number().int(),
    /** converted / the treatment group's runs (removed ones left out); null before any. */
    conversionRate: z.number().nullable(),
    inFlight: z.number().int(),
    pilot: Pilot.nullable(),
    pilotPhase: PilotPhaseSchema,
    createdAt: Instant,
    updatedAt: Instant,
  })
  .openapi('JourneySummary');

const VersionRef = z.object({ id: z.string(), version: z.number().int(), publishedAt: Instant });

export const JourneyDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    status: JourneyStatus,
    templateId: z.string().nullable(),
    draft: JourneyDefinition.describe(
      'The draft as last saved; it may be unfinished (`problems` says what is missing)',
    ),
    layout: JourneyLayout,
    draftUpdatedAt: Instant,
    problems: z.array(ValidationProblem),
    activeVersion: VersionRef.nullable(),
    versions: z.array(VersionRef),
    activation: Activation.nullable(),
    /** Runs in flight now (preview runs aside). */
    inFlight: z.number().int(),
    pilotPhase: PilotPhaseSchema,
    createdAt: Instant,
    updatedAt: Instant,
  })
  .openapi('Journey');

export const Draft = z
  .object({
    definition: z.record(z.string(), z.unknown()).openapi({
      description: 'The journey as drawn; it may be unfinished (the answer lists its problems)',
    }),
    layout: JourneyLayout.optional(),
  })
  .openapi('Draft');

export const Validation = z
  .object({ valid: z.boolean(), problems: z.array(ValidationProblem) })
  .openapi('JourneyValidation');

export const JourneyTemplate = z
  .object({
    id: z.string(),
    name: Localized,
    description: Localized,
    definition: JourneyDefinition,
    layout: JourneyLayout,
  })
  .openapi('JourneyTemplate');

export const JourneyVersion = z
  .object({
    id: z.string(),
    version: z.number().int(),
    published_at: Instant,
    definition: JourneyDefinition,
    layout: JourneyLayout,
    runs: z.number().int(),
    active_runs: z.number().int(),
    author: z.string().nullable().openapi({ description: 'Who published it (name, else email)' }),
  })
  .openapi('JourneyVersion');

export const Impact = z
  .object({
    inFlight: z.number().int(),
    byNode: z.array(z.object({ version: z.number().int(), nodeId: z.string(), runs: z.number() })),
    nextVersion: z.number().int(),
    note: z.string(),
  })
  .openapi('PublishImpact');

export const PreviewStarted = z
  .object({ runId: z.string(), workflowId: z.string(), contactId: z.string() })
  .openapi('PreviewStarted');

/** What entering one journey gave for one contact. */
export const Enrollment = z
  .object({
    journeyId: z.string(),
    status: z.enum(['started', 'already_in_journey', 'skipped', 'excluded', 'pilot_ended']),
    runId: z.string().optional(),
    group: z.enum(['treatment', 'holdout']).optional(),
    reason: z.string().optional(),
  })
  .openapi('Enrollment');

export const Enrollments = z
  .object({ enrollments: z.array(Enrollment.extend({ contactId: z.string() })) })
  .openapi('Enrollments');

export const SweepStarted = z.object({ workflowId: z.string() }).openapi('SweepStarted');
