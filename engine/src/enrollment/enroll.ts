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
  const [recorded] = await recordEnrollments(sql, target, [request]);
  if (!recorded) throw new Error('an enrollment recorded nothing');
  return recorded;
}

/**
 * Enrolls many contacts in one journey (a sweep's page): their runs and starts are recorded in one
 * statement, then handed to Temporal `concurrency` at a time (each start within its own deadline;
 * what Temporal does not take now stays for the dispatcher). Answers in the requests' order.
 */
export async function enrollMany(
  target: EnrollmentTarget,
  requests: readonly EnrollRequest[],
  concurrency: number,
): Promise<EnrollResult[]> {
  if (requests.length === 0) return [];
  const recorded = await recordEnrollments(target.sql, target, requests);
  await deliverNow(
    target,
    recorded.flatMap((r) => r.rows),
    { concurrency },
  );
  return recorded.map((r) => r.result);
}

/**
 * Records enrollments of one journey version (the re-entry rule, the run and its start, one
 * statement for all of them); answers in the requests' order.
 */
export async function recordEnrollments(
  sql: Queryable,
  target: Omit<EnrollmentTarget, 'sql'>,
  requests: readonly EnrollRequest[],
): Promise<{ result: EnrollResult; rows: OutboxRow[] }[]> {
  const planned = requests.map((request) => planRun(target, request));
  const decisions = await recordRuns(sql, planned);
  return planned.map(({ runId, workflowId }, i) => {
    const decision = decisions[i] as RunDecision;
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
  });
}

/** A run about to be recorded: its ids, entry key and the start Temporal will be given. */
interface PlannedRun {
  request: EnrollRequest;
  runId: string;
  workflowId: string;
  entryKey: string | undefined;
  start: StartPayload;
}

function planRun(target: Omit<EnrollmentTarget, 'sql'>, request: EnrollRequest): PlannedRun {
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
  return { request, runId, workflowId, entryKey, start };
}

type RunDecision =
  | { status: 'recorded'; rows: OutboxRow[] }
  | { status: 'already_in_journey'; runId: string; rows: OutboxRow[] }
  | { status: 'skipped'; reason: 'reentry_never' | 'cooldown' };

interface DecisionRow {
  inserted: boolean;
  last_id: string | null;
  refusal: string | null;
  outbox: Record<string, unknown>[] | null;
}

/**
 * The re-entry rule, each run's row and its start in the outbox, in one statement for the whole
 * batch: the last run of each workflow id decides (active → already in the journey, which hears of
 * the repeat; ended and `never`, or within the cooldown → skipped), else the run is inserted with
 * its start. Two events for the same cart arriving together both find "no active run"; the unique
 * index on active runs lets one insert win and the other sees the winner.
 */
async function recordRuns(sql: Queryable, runs: readonly PlannedRun[]): Promise<RunDecision[]> {
  const first = runs[0]?.request;
  if (!first) return [];
  const ids = new Set(runs.map((r) => r.workflowId));
  if (ids.size !== runs.length) throw new Error('a batch of enrollments repeats a workflow id');
  for (const { request } of runs) {
    if (request.journeyId !== first.journeyId || request.versionId !== first.versionId)
      throw new Error('a batch of enrollments mixes journeys');
  }
  const reentry = first.definition.settings.reentry;
  const checked = !first.preview; // preview ids are unique: nothing to check
  const cooldownSeconds = reentry.cooldown ? durationMs(reentry.cooldown) / 1000 : 0;
  // `never` and a cooldown refuse a run because an earlier one exists: two enrollments at once
  // (an activation sweep and a contact change) must see each other, so they take turns on the
  // workflow id (the active-run index alone lets a second in once the first has ended).
  const needsLock = checked && (reentry.mode === 'never' || cooldownSeconds > 0);
  const batch = runs.map((run, ord) => ({
    ord,
    run_id: run.runId,
    contact_id: run.request.contactId,
    workflow_id: run.workflowId,
    entry_key: run.entryKey ?? null,
    event_id: run.request.triggerEvent?.id ?? null,
    pilot_group: run.request.group,
    start: run.start,
  }));
  const decide = (q: Queryable) =>
    q<(DecisionRow & { workflow_id: string })[]>`
    with req as (
      select * from jsonb_to_recordset(${q.json(batch as never)}::jsonb)
        as r(ord int, run_id uuid, contact_id uuid, workflow_id text, entry_key text, event_id uuid,
             pilot_group text, start jsonb)
    ), last as (
      select r.workflow_id, l.id, l.status, l.refusal
      from req r cross join lateral (
        select id, status,
               case when status = 'active' then 'active'
                    when ${reentry.mode === 'never'} then 'reentry_never'
                    when ended_at > now() - make_interval(secs => ${cooldownSeconds}) then 'cooldown'
               end as refusal
        from runs where ${checked} and workflow_id = r.workflow_id order by started_at desc limit 1
      ) l
    ), inserted as (
      insert into runs (id, workspace_id, journey_id, version_id, contact_id, workflow_id, entry_key,
                        trigger_event_id, pilot_group, preview)
      select r.run_id, ${first.workspaceId}, ${first.journeyId}, ${first.versionId}, r.contact_id,
             r.workflow_id, r.entry_key, r.event_id, r.pilot_group, ${first.preview !== undefined}
      from req r
      where not exists (select 1 from last l where l.workflow_id = r.workflow_id and l.refusal is not null)
      -- one order for every batch: two overlapping batches never wait on each other in a circle
      order by r.workflow_id
      on conflict (workflow_id) where status = 'active' do nothing
      returning id, workflow_id
    ), outbox as (
      insert into signal_outbox (workspace_id, run_id, workflow_id, kind, signal, payload)
      select ${first.workspaceId}::uuid, i.id, i.workflow_id, 'start', ${enrollSignal.name}::text, r.start
      from inserted i join req r on r.run_id = i.id
      union all
      select ${first.workspaceId}::uuid, l.id, l.workflow_id, 'signal', ${enrollSignal.name}::text,
             jsonb_build_object('eventId', r.event_id::text)
      from last l join req r on r.workflow_id = l.workflow_id
      where l.refusal = 'active' and r.event_id is not null
      returning ${q.unsafe(OUTBOX_RETURNING)}
    )
    select r.workflow_id, exists(select 1 from inserted i where i.id = r.run_id) as inserted,
           l.id as last_id, l.refusal,
           (select json_agg(o order by o.id) from outbox o where o.workflow_id = r.workflow_id) as outbox
    from req r left join last l on l.workflow_id = r.workflow_id
    order by r.ord`;
  const rows = await decideUnderRule(sql, [...ids], needsLock, decide);
  const decisions = rows.map(decision);
  // Another enrollment of the same id won the insert after this statement's snapshot.
  const lost = rows.filter((_, i) => decisions[i] === undefined).map((r) => r.workflow_id);
  if (lost.length === 0) return decisions as RunDecision[];
  const winners = await sql<{ id: string; workflow_id: string }[]>`
    select id, workflow_id from runs where workflow_id = any(${lost}::text[]) and status = 'active'`;
  return rows.map((row, i) => {
    const known = decisions[i];
    if (known) return known;
    const winner = winners.find((w) => w.workflow_id === row.workflow_id);
    if (!winner)
      throw new Error(`enrollment of ${row.workflow_id} lost a race and found no active run`);
    return { status: 'already_in_journey', runId: winner.id, rows: [] };
  });
}

function decision(row: DecisionRow): RunDecision | undefined {
  const rows = outboxRows(row.outbox ?? []);
  if (row.inserted) return { status: 'recorded', rows };
  if (row.refusal === 'active' && row.last_id) {
    return { status: 'already_in_journey', runId: row.last_id, rows };
  }
  if (row.refusal === 'reentry_never' || row.refusal === 'cooldown') {
    return { status: 'skipped', reason: row.refusal };
  }
  return undefined;
}

/**
 * Runs the re-entry decision; when the rule depends on earlier runs, under transaction-scoped
 * advisory locks on the workflow ids (taken in one order, so two batches never wait on each other
 * in a circle): a concurrent enrollment of the same id waits and then sees this one's run (each
 * statement of a READ COMMITTED transaction takes a fresh snapshot).
 */
async function decideUnderRule<T>(
  sql: Queryable,
  workflowIds: readonly string[],
  needsLock: boolean,
  decide: (q: Queryable) => Promise<T>,
): Promise<T> {
  if (!needsLock) return decide(sql);
  const lockThenDecide = async (tx: Queryable) => {
    await tx`
      select count(pg_advisory_xact_lock(key)) from (
        select distinct hashtextextended(w, 7215) as key
        from unnest(${workflowIds as string[]}::text[]) w order by key
      ) k`;
    return decide(tx);
  };
  // Inside the caller's transaction the locks last until it commits; on the pool, in our own.
  if ('savepoint' in sql) return lockThenDecide(sql);
  return (sql as Sql).begin((tx) => lockThenDecide(tx)) as Promise<T>;
}
