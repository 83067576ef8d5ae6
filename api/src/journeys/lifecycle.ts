import { activeJourney, enrollContact } from '@ruta/engine';
import {
  type AuditAction,
  getJourneyTemplate,
  JourneyDefinition,
  validateJourney,
} from '@ruta/shared';
import type { Context } from 'hono';
import { audit } from '../audit/audit-log';
import { type AppEnv, enrollmentTarget } from '../deps';
import { fieldProblem, problem } from '../http/problem';
import { ENGINE_CALL_MS, isEngineUnavailable } from '../http/unavailable';
import { exitRuns } from '../runs/exit-runs';
import { blankJourney } from './blank';
import { startPreview } from './preview';
import { journeyProblemFields } from './problem-fields';
import {
  getJourney,
  getVersion,
  type JourneyRow,
  type JourneyStatus,
  latestVersion,
} from './repository';
import {
  insertJourney,
  insertVersion,
  knownContactIds,
  restoreActivation,
  saveActivation,
  setJourneyStatus,
} from './store';
import { onJourneyStatus, startSweep } from './triggers';
import { journeyDetail } from './views';

type Ctx = Context<AppEnv>;

export async function createJourney(
  c: Ctx,
  input: { name: string; templateId?: string; language?: 'es' | 'pt' | 'en' },
) {
  const { sql } = c.get('deps');
  const { workspaceId } = c.get('auth');
  const template = input.templateId
    ? getJourneyTemplate(input.templateId, input.language)
    : undefined;
  if (input.templateId && !template) {
    const params = { templateId: input.templateId };
    throw problem('unknown_template', params, {
      errors: [fieldProblem('templateId', 'unknown_template', params)],
    });
  }
  const id = await insertJourney(sql, workspaceId, {
    name: input.name,
    definition: template?.definition ?? blankJourney(),
    layout: template?.layout ?? { trigger: { x: 0, y: 0 } },
    templateId: input.templateId ?? null,
  });
  return journeyDetail(sql, workspaceId, id);
}

/** A new draft with the journey's draft and layout (not its versions, runs or activation). */
export async function duplicateJourney(c: Ctx, id: string, name: string | undefined) {
  const { sql } = c.get('deps');
  const { workspaceId } = c.get('auth');
  const original = await getJourney(sql, workspaceId, id);
  const copy = await insertJourney(sql, workspaceId, {
    name: (name ?? `${original.name} (2)`).slice(0, 120),
    definition: original.draft,
    layout: original.draft_layout,
    templateId: original.template_id,
  });
  return journeyDetail(sql, workspaceId, copy);
}

export async function publishJourney(c: Ctx, id: string) {
  const { sql } = c.get('deps');
  const { workspaceId, userId } = c.get('auth');
  const journey = await getJourney(sql, workspaceId, id);
  if (journey.status === 'archived') throw problem('journey_archived', { action: 'publish' });
  const problems = validateJourney(journey.draft);
  if (problems.length > 0) {
    throw problem(
      'journey_has_problems',
      { count: problems.length, action: 'publish' },
      { errors: journeyProblemFields(problems) },
    );
  }
  const published = await insertVersion(
    sql,
    { id: journey.id, layout: journey.draft_layout },
    JourneyDefinition.parse(journey.draft),
    userId ?? null,
  );
  await audit(
    c,
    'journey.published',
    { type: 'journey', id: journey.id, label: journey.name },
    published,
  );
  return journeyDetail(sql, workspaceId, journey.id);
}

export async function activateJourney(c: Ctx, id: string, body: Record<string, unknown>) {
  const { sql } = c.get('deps');
  const { workspaceId } = c.get('auth');
  const journey = await getJourney(sql, workspaceId, id);
  if (journey.status === 'archived') throw problem('journey_archived', { action: 'activate' });
  if (journey.status === 'active') throw problem('journey_already_active', {});
  const version = await latestVersion(sql, journey.id);
  if (!version) {
    const problems = validateJourney(journey.draft);
    throw problems.length > 0
      ? problem('draft_has_problems', {}, { errors: journeyProblemFields(problems) })
      : problem('publish_first', {});
  }
  // `null` is kept: it switches the version's setting off for new runs (compileSnapshot).
  const activation = Object.fromEntries(
    Object.entries(body).filter(([, value]) => value !== undefined),
  );
  if (!activation.pilot)
    activation.pilot = { enrollmentPercent: 100, holdoutPercent: 0, endsAt: defaultPilotEnd() };
  await saveActivation(sql, journey.id, activation, version.id);
  await syncActiveOrRestore(c, journey);
  await audit(
    c,
    'journey.activated',
    { type: 'journey', id: journey.id, label: journey.name },
    { version: version.version, pilot: activation.pilot },
  );
  return journeyDetail(sql, workspaceId, journey.id);
}

/** Which status changes are allowed, from where, and what each leads to. */
const TRANSITIONS = {
  pause: { from: ['active'], to: 'paused', audited: 'journey.paused' },
  resume: { from: ['paused'], to: 'active', audited: 'journey.resumed' },
  stop: { from: ['active', 'paused'], to: 'stopped', audited: 'journey.stopped' },
  archive: {
    from: ['draft', 'paused', 'stopped', 'completed'],
    to: 'archived',
    audited: 'journey.archived',
  },
} as const satisfies Record<
  string,
  { from: JourneyStatus[]; to: Exclude<JourneyStatus, 'draft' | 'completed'>; audited: AuditAction }
>;
export type Transition = keyof typeof TRANSITIONS;

export async function changeStatus(c: Ctx, id: string, action: Transition) {
  const { sql } = c.get('deps');
  const { workspaceId } = c.get('auth');
  const journey = await getJourney(sql, workspaceId, id);
  const { from, to, audited } = TRANSITIONS[action];
  if (!(from as readonly JourneyStatus[]).includes(journey.status)) {
    throw problem(
      'invalid_transition',
      { action, status: journey.status, allowed: [...from] },
      { errors: [fieldProblem('status', 'invalid_transition', { status: journey.status })] },
    );
  }
  await setJourneyStatus(sql, journey.id, to);
  if (to === 'active') {
    await syncActiveOrRestore(c, journey);
  } else {
    if (action === 'stop')
      await exitRuns(
        c.get('deps'),
        journey.workspace_id,
        { journeyId: journey.id },
        { reason: 'journey stopped', by: 'operator' },
      );
    // Pausing, stopping or archiving stands even if Temporal is away: a schedule or watch that
    // fires meanwhile finds the journey not active and does nothing.
    await syncTrigger(c, journey.id, to).catch((error: unknown) => {
      if (!isEngineUnavailable(error)) throw error;
      c.get('deps').log.warn(
        { err: error, journeyId: journey.id, to },
        'Temporal not told of the change',
      );
    });
  }
  await audit(
    c,
    audited,
    { type: 'journey', id: journey.id, label: journey.name },
    { from: journey.status },
  );
  return journeyDetail(sql, workspaceId, journey.id);
}

export async function previewJourney(
  c: Ctx,
  id: string,
  options: Parameters<typeof startPreview>[3],
) {
  const deps = c.get('deps');
  const { workspaceId } = c.get('auth');
  const journey = await getJourney(deps.sql, workspaceId, id);
  if (options.contactId) {
    const known = await knownContactIds(deps.sql, workspaceId, [options.contactId]);
    if (!known.has(options.contactId))
      throw problem(
        'unknown_contact',
        {},
        { errors: [fieldProblem('contactId', 'unknown_contact', {})] },
      );
  }
  return startPreview(deps, workspaceId, journey, options);
}

export async function enrollNow(c: Ctx, id: string, contactIds: string[]) {
  const deps = c.get('deps');
  const { workspaceId } = c.get('auth');
  await getJourney(deps.sql, workspaceId, id);
  const journey = await activeJourney(deps.sql, id);
  if (!journey) throw problem('activate_first', { action: 'enroll' });
  const known = await knownContactIds(deps.sql, workspaceId, contactIds);
  const missing = contactIds.filter((x) => !known.has(x));
  if (missing.length > 0) {
    throw problem(
      'contacts_missing',
      { count: missing.length },
      {
        errors: missing.map((m) =>
          fieldProblem(`contactIds[${contactIds.indexOf(m)}]`, 'missing_contact', {
            contactId: m,
          }),
        ),
      },
    );
  }
  const enrollments = [];
  for (const contactId of contactIds)
    enrollments.push({
      contactId,
      ...(await enrollContact(enrollmentTarget(deps), journey, contactId)),
    });
  return { enrollments };
}

export async function sweepNow(c: Ctx, id: string) {
  const deps = c.get('deps');
  await getJourney(deps.sql, c.get('auth').workspaceId, id);
  const journey = await activeJourney(deps.sql, id);
  if (!journey) throw problem('activate_first', { action: 'sweep' });
  const trigger = journey.definition.trigger.kind;
  if (trigger !== 'segment' && trigger !== 'schedule')
    throw problem('no_segment_to_sweep', { trigger });
  return { workflowId: await startSweep(deps, id, `now-${Date.now()}`) };
}

/**
 * Tells Temporal a journey (activated or resumed) is active. Without its schedule, sweep and pilot
 * watch it would silently do less than it says, so if Temporal cannot be told the journey is put
 * back as it was (`before`: status, activation, active version) and the error answers (503).
 */
async function syncActiveOrRestore(c: Ctx, before: JourneyRow) {
  try {
    await syncTrigger(c, before.id, 'active');
  } catch (error) {
    await restoreActivation(c.get('deps').sql, before);
    throw error;
  }
}

/** Keeps the journey's Temporal Schedule (schedule triggers) or activation sweep (segments) in step. */
async function syncTrigger(
  c: Ctx,
  journeyId: string,
  status: 'active' | 'paused' | 'stopped' | 'archived',
) {
  const deps = c.get('deps');
  const journey = await getJourney(deps.sql, c.get('auth').workspaceId, journeyId);
  const version = journey.active_version_id
    ? await getVersion(deps.sql, journey.active_version_id)
    : undefined;
  await deps.temporal.withDeadline(Date.now() + ENGINE_CALL_MS, () =>
    onJourneyStatus(deps, { id: journeyId, definition: version?.definition ?? null }, status),
  );
}

function defaultPilotEnd(): string {
  return new Date(Date.now() + 75 * 86_400_000).toISOString().slice(0, 10);
}
