import { randomUUID } from 'node:crypto';
import type { Sql } from '@ruta/platform';
import { RUTA_SEARCH_ATTRIBUTES } from '@ruta/platform';
import { durationMs, type JourneyDefinition } from '@ruta/shared';
import type { Client } from '@temporalio/client';
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  WorkflowIdReusePolicy,
} from '@temporalio/common';
import type {
  ContactSnapshot,
  JourneyRunInput,
  TriggerEventSnapshot,
} from '../workflows/journey/types';
import { journeyWorkflowId, previewWorkflowId } from './workflow-id';

export interface EnrollmentTarget {
  sql: Sql;
  temporal: Client;
  taskQueue: string;
  workflowIdPrefix?: string;
}

export interface EnrollRequest {
  workspaceId: string;
  journeyId: string;
  journeyName: string;
  versionId: string;
  version: number;
  definition: JourneyDefinition;
  contactId: string;
  /** The contact as the caller already read it; the run loads it itself when absent. */
  contact?: ContactSnapshot;
  /** The trigger event as stored (its `id` is the events row id). */
  triggerEvent?: TriggerEventSnapshot & { id: string };
  group: 'treatment' | 'holdout';
  preview?: { timeScale: number };
}

export type EnrollResult =
  | { status: 'started'; runId: string; workflowId: string }
  | { status: 'already_in_journey'; runId: string; workflowId: string }
  | { status: 'skipped'; reason: 'reentry_never' | 'cooldown'; workflowId: string };

const keys = {
  journey: defineSearchAttributeKey('RutaJourneyId', SearchAttributeType.KEYWORD),
  contact: defineSearchAttributeKey('RutaContactId', SearchAttributeType.KEYWORD),
  workspace: defineSearchAttributeKey('RutaWorkspaceId', SearchAttributeType.KEYWORD),
  preview: defineSearchAttributeKey('RutaPreview', SearchAttributeType.BOOL),
};
void RUTA_SEARCH_ATTRIBUTES; // the names above are registered by the dev server and compose from this list

/** The entry key of a keyed trigger (e.g. this event's cart_id), if the journey has one. */
export function entryKeyOf(
  definition: JourneyDefinition,
  event?: { properties: Record<string, unknown> },
) {
  const trigger = definition.trigger;
  if (trigger.kind !== 'event' || !trigger.entryKey || !event) return undefined;
  const value = event.properties[trigger.entryKey];
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * Enrolls a contact: applies the re-entry rule against the runs table, records the run, and
 * starts its workflow with `signalWithStart` (a run already going for the same id gets the signal).
 */
export async function enroll(
  target: EnrollmentTarget,
  request: EnrollRequest,
): Promise<EnrollResult> {
  const { sql, temporal } = target;
  const { definition } = request;
  const reentry = definition.settings.reentry;
  let entryKey = entryKeyOf(definition, request.triggerEvent);
  if (entryKey === undefined && reentry.mode === 'always' && !request.preview) {
    entryKey = `event-${request.triggerEvent?.id ?? randomUUID()}`;
  }
  const runId = randomUUID();
  const workflowId = request.preview
    ? previewWorkflowId({
        prefix: target.workflowIdPrefix,
        journeyId: request.journeyId,
        contactId: request.contactId,
        runId,
      })
    : journeyWorkflowId({
        prefix: target.workflowIdPrefix,
        journeyId: request.journeyId,
        contactId: request.contactId,
        entryKey,
      });

  const decision = await recordRun(sql, { ...request, runId, workflowId, entryKey });
  if (decision.status === 'already_in_journey') {
    await temporal.workflow
      .getHandle(workflowId)
      .signal('enroll', { eventId: request.triggerEvent?.id })
      .catch(() => undefined);
    return { ...decision, workflowId };
  }
  if (decision.status === 'skipped') return { ...decision, workflowId };

  const input: JourneyRunInput = {
    runId,
    workspaceId: request.workspaceId,
    journeyId: request.journeyId,
    journeyName: request.journeyName,
    versionId: request.versionId,
    version: request.version,
    definition,
    contactId: request.contactId,
    ...(request.contact ? { contact: request.contact } : {}),
    ...(entryKey !== undefined ? { entryKey } : {}),
    ...(request.triggerEvent ? { triggerEvent: request.triggerEvent } : {}),
    group: request.group,
    ...(request.preview ? { preview: request.preview } : {}),
  };
  try {
    await temporal.workflow.signalWithStart('journeyWorkflow', {
      taskQueue: target.taskQueue,
      workflowId,
      args: [input],
      signal: 'enroll',
      signalArgs: [{ eventId: request.triggerEvent?.id }],
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      typedSearchAttributes: [
        { key: keys.journey, value: request.journeyId },
        { key: keys.contact, value: request.contactId },
        { key: keys.workspace, value: request.workspaceId },
        { key: keys.preview, value: request.preview !== undefined },
      ],
    });
    // The run writes its Temporal run id itself, at its first checkpoint: one statement less here.
  } catch (error) {
    await sql`delete from runs where id = ${runId}`;
    throw error;
  }
  return { status: 'started', runId, workflowId };
}

type RunDecision =
  | { status: 'recorded' }
  | { status: 'already_in_journey'; runId: string }
  | { status: 'skipped'; reason: 'reentry_never' | 'cooldown' };

/**
 * The re-entry rule and the run's row in one statement: the last run of this workflow id decides
 * (active → already in the journey; ended and `never`, or within the cooldown → skipped), else the
 * run is inserted. Two events for the same cart arriving together both find "no active run"; the
 * unique index on active runs lets one insert win and the other sees the winner.
 */
async function recordRun(
  sql: Sql,
  request: EnrollRequest & { runId: string; workflowId: string; entryKey: string | undefined },
): Promise<RunDecision> {
  const { runId, workflowId } = request;
  const reentry = request.definition.settings.reentry;
  const checked = !request.preview; // preview ids are unique: nothing to check
  const cooldownSeconds = reentry.cooldown ? durationMs(reentry.cooldown) / 1000 : 0;
  const [row] = await sql<
    {
      inserted: boolean;
      last_id: string | null;
      last_status: string | null;
      refusal: string | null;
    }[]
  >`
    with last as (
      select id, status,
             case when status = 'active' then 'active'
                  when ${reentry.mode === 'never'} then 'reentry_never'
                  when ended_at > now() - make_interval(secs => ${cooldownSeconds}) then 'cooldown'
             end as refusal
      from runs where ${checked} and workflow_id = ${workflowId} order by started_at desc limit 1
    ), inserted as (
      insert into runs (id, workspace_id, journey_id, version_id, contact_id, workflow_id, entry_key,
                        trigger_event_id, pilot_group, preview)
      select ${runId}, ${request.workspaceId}, ${request.journeyId}, ${request.versionId}, ${request.contactId},
             ${workflowId}, ${request.entryKey ?? null}, ${request.triggerEvent?.id ?? null}, ${request.group},
             ${request.preview !== undefined}
      where not exists (select 1 from last where refusal is not null)
      on conflict (workflow_id) where status = 'active' do nothing
      returning id
    )
    select exists(select 1 from inserted) as inserted, last.id as last_id, last.status as last_status,
           last.refusal
    from (select 1) as one left join last on true`;
  if (row?.inserted) return { status: 'recorded' };
  if (row?.refusal === 'active' && row.last_id) {
    return { status: 'already_in_journey', runId: row.last_id };
  }
  if (row?.refusal === 'reentry_never' || row?.refusal === 'cooldown') {
    return { status: 'skipped', reason: row.refusal };
  }
  // Another enrollment of the same id won the insert after this statement's snapshot.
  const [winner] = await sql<{ id: string }[]>`
    select id from runs where workflow_id = ${workflowId} and status = 'active'`;
  if (!winner) throw new Error(`enrollment of ${workflowId} lost a race and found no active run`);
  return { status: 'already_in_journey', runId: winner.id };
}
