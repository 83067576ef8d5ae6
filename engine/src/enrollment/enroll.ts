import { randomUUID } from 'node:crypto';
import type { Queryable, Sql } from '@ruta/platform';
import { durationMs, type JourneyDefinition } from '@ruta/shared';
import type { Client } from '@temporalio/client';
import { deliverNow } from '../outbox/deliver-now';
import {
  OUTBOX_RETURNING,
  type OutboxRow,
  outboxRows,
  type StartPayload,
} from '../outbox/outbox-row';
import { enrollSignal } from '../workflows/journey/signals';
import type { ContactSnapshot, TriggerEventSnapshot } from '../workflows/journey/types';
import type { Activation } from './journey-enrollment';
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
  /** What `definition` was compiled with (the version's own settings plus this); null for none. */
  activation?: Activation | null;
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
 * Enrolls a contact: applies the re-entry rule against the runs table and records the run with its
 * start in the outbox (one statement), then hands the start to Temporal (`signalWithStart`; a run
 * already going for the same id gets the signal). When Temporal does not take it now, the run is
 * still enrolled: the outbox dispatcher starts it as soon as Temporal answers (DESIGN §8.2).
 */
export async function enroll(
  target: EnrollmentTarget,
  request: EnrollRequest,
): Promise<EnrollResult> {
  const { result, rows } = await recordEnrollment(target.sql, target, request);
  await deliverNow(target, rows);
  return result;
}

/**
 * `enroll` without the delivery: for callers that record the enrollment inside their own
 * transaction and deliver the returned rows once it has committed.
 */
export async function recordEnrollment(
  sql: Queryable,
  target: Omit<EnrollmentTarget, 'sql'>,
  request: EnrollRequest,
): Promise<{ result: EnrollResult; rows: OutboxRow[] }> {
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
  const start: StartPayload = {
    input: {
      runId,
      workspaceId: request.workspaceId,
      journeyId: request.journeyId,
      journeyName: request.journeyName,
      versionId: request.versionId,
      version: request.version,
      contactId: request.contactId,
      ...(request.contact ? { contact: request.contact } : {}),
      ...(entryKey !== undefined ? { entryKey } : {}),
      ...(request.triggerEvent ? { triggerEvent: request.triggerEvent } : {}),
      group: request.group,
      ...(request.preview ? { preview: request.preview } : {}),
    },
    activation: request.activation ?? null,
    signalArg: request.triggerEvent?.id ? { eventId: request.triggerEvent.id } : {},
    taskQueue: target.taskQueue,
  };
  const decision = await recordRun(sql, { ...request, runId, workflowId, entryKey }, start);
  if (decision.status === 'recorded') {
    return { result: { status: 'started', runId, workflowId }, rows: decision.rows };
  }
  if (decision.status === 'already_in_journey') {
    return {
      result: { status: 'already_in_journey', runId: decision.runId, workflowId },
      rows: decision.rows,
    };
  }
  return { result: { ...decision, workflowId }, rows: [] };
}

type RunDecision =
  | { status: 'recorded'; rows: OutboxRow[] }
  | { status: 'already_in_journey'; runId: string; rows: OutboxRow[] }
  | { status: 'skipped'; reason: 'reentry_never' | 'cooldown' };

/**
 * The re-entry rule, the run's row and its start in the outbox, in one statement: the last run of
 * this workflow id decides (active → already in the journey, which hears of the repeat; ended and
 * `never`, or within the cooldown → skipped), else the run is inserted with its start. Two events
 * for the same cart arriving together both find "no active run"; the unique index on active runs
 * lets one insert win and the other sees the winner.
 */
async function recordRun(
  sql: Queryable,
  request: EnrollRequest & { runId: string; workflowId: string; entryKey: string | undefined },
  start: StartPayload,
): Promise<RunDecision> {
  const { runId, workflowId } = request;
  const reentry = request.definition.settings.reentry;
  const checked = !request.preview; // preview ids are unique: nothing to check
  const cooldownSeconds = reentry.cooldown ? durationMs(reentry.cooldown) / 1000 : 0;
  const eventId = request.triggerEvent?.id ?? null;
  // `never` and a cooldown refuse a run because an earlier one exists: two enrollments at once
  // (an activation sweep and a contact change) must see each other, so they take turns on the
  // workflow id (the active-run index alone lets a second in once the first has ended).
  const needsLock = checked && (reentry.mode === 'never' || cooldownSeconds > 0);
  const decide = (q: Queryable) =>
    q<
      {
        inserted: boolean;
        last_id: string | null;
        last_status: string | null;
        refusal: string | null;
        outbox: Record<string, unknown>[] | null;
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
             ${workflowId}, ${request.entryKey ?? null}, ${eventId}, ${request.group},
             ${request.preview !== undefined}
      where not exists (select 1 from last where refusal is not null)
      on conflict (workflow_id) where status = 'active' do nothing
      returning id
    ), outbox as (
      insert into signal_outbox (workspace_id, run_id, workflow_id, kind, signal, payload)
      select ${request.workspaceId}::uuid, id, ${workflowId}::text, 'start', ${enrollSignal.name}::text,
             ${q.json(start as never)}::jsonb
      from inserted
      union all
      select ${request.workspaceId}::uuid, id, ${workflowId}::text, 'signal', ${enrollSignal.name}::text,
             jsonb_build_object('eventId', ${eventId}::text)
      from last where refusal = 'active' and ${eventId}::text is not null
      returning ${q.unsafe(OUTBOX_RETURNING)}
    )
    select exists(select 1 from inserted) as inserted, last.id as last_id, last.status as last_status,
           last.refusal, (select json_agg(outbox) from outbox) as outbox
    from (select 1) as one left join last on true`;
  const [row] = await decideUnderRule(sql, workflowId, needsLock, decide);
  const rows = outboxRows(row?.outbox ?? []);
  if (row?.inserted) return { status: 'recorded', rows };
  if (row?.refusal === 'active' && row.last_id) {
    return { status: 'already_in_journey', runId: row.last_id, rows };
  }
  if (row?.refusal === 'reentry_never' || row?.refusal === 'cooldown') {
    return { status: 'skipped', reason: row.refusal };
  }
  // Another enrollment of the same id won the insert after this statement's snapshot.
  const [winner] = await sql<{ id: string }[]>`
    select id from runs where workflow_id = ${workflowId} and status = 'active'`;
  if (!winner) throw new Error(`enrollment of ${workflowId} lost a race and found no active run`);
  return { status: 'already_in_journey', runId: winner.id, rows: [] };
}

/**
 * Runs the re-entry decision; when the rule depends on earlier runs, under a transaction-scoped
 * advisory lock on the workflow id, so a concurrent enrollment of the same id waits and then sees
 * this one's run (each statement of a READ COMMITTED transaction takes a fresh snapshot).
 */
async function decideUnderRule<T>(
  sql: Queryable,
  workflowId: string,
  needsLock: boolean,
  decide: (q: Queryable) => Promise<T>,
): Promise<T> {
  if (!needsLock) return decide(sql);
  const lockThenDecide = async (tx: Queryable) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${workflowId}, 7215))`;
    return decide(tx);
  };
  // Inside the caller's transaction the lock lasts until it commits; on the pool, in our own.
  if ('savepoint' in sql) return lockThenDecide(sql);
  return (sql as Sql).begin((tx) => lockThenDecide(tx)) as Promise<T>;
}
