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

  // The re-entry check and the insert run under a per-workflow-id lock: two events for the same
  // cart arriving together must not both find "no active run" and both record one.
  const refusal = await sql.begin(async (tx) => {
    if (!request.preview) {
      await tx`select pg_advisory_xact_lock(hashtextextended(${workflowId}, 0))`;
      const [last] = await tx<{ id: string; status: string; ended_at: Date | null }[]>`
        select id, status, ended_at from runs where workflow_id = ${workflowId} order by started_at desc limit 1`;
      if (last?.status === 'active')
        return { status: 'already_in_journey' as const, runId: last.id };
      if (last && reentry.mode === 'never')
        return { status: 'skipped' as const, reason: 'reentry_never' as const };
      if (
        last?.ended_at &&
        reentry.cooldown &&
        last.ended_at.getTime() + durationMs(reentry.cooldown) > Date.now()
      ) {
        return { status: 'skipped' as const, reason: 'cooldown' as const };
      }
    }
    await tx`
      insert into runs (id, workspace_id, journey_id, version_id, contact_id, workflow_id, entry_key,
                        trigger_event_id, pilot_group, preview)
      values (${runId}, ${request.workspaceId}, ${request.journeyId}, ${request.versionId}, ${request.contactId},
              ${workflowId}, ${entryKey ?? null}, ${request.triggerEvent?.id ?? null}, ${request.group},
              ${request.preview !== undefined})`;
    return undefined;
  });
  if (refusal?.status === 'already_in_journey') {
    await temporal.workflow
      .getHandle(workflowId)
      .signal('enroll', { eventId: request.triggerEvent?.id })
      .catch(() => undefined);
    return { status: 'already_in_journey', runId: refusal.runId, workflowId };
  }
  if (refusal) return { ...refusal, workflowId };

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
    const handle = await temporal.workflow.signalWithStart('journeyWorkflow', {
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
    await sql`update runs set temporal_run_id = ${handle.signaledRunId} where id = ${runId}`;
  } catch (error) {
    await sql`delete from runs where id = ${runId}`;
    throw error;
  }
  return { status: 'started', runId, workflowId };
}
