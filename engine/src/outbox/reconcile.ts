import { WorkflowNotFoundError } from '@temporalio/client';
import type { Activation } from '../enrollment/journey-enrollment';
import { enrollSignal } from '../workflows/journey/signals';
import type { OutboxTarget } from './deliver';
import type { StartPayload } from './outbox-row';

/** A run younger than this may simply not have reached its first checkpoint yet. */
const GRACE = '2 minutes';
const PER_PASS = 100;
/** Runs in flight looked up in Temporal per pass, in id order, so every one is seen in turn. */
const CONFIRMED_PER_PASS = 20;
let confirmedCursor = '00000000-0000-0000-0000-000000000000';

interface Unconfirmed {
  id: string;
  workspace_id: string;
  journey_id: string;
  journey_name: string;
  activation: Activation | null;
  version_id: string;
  version: number;
  contact_id: string;
  workflow_id: string;
  entry_key: string | null;
  pilot_group: 'treatment' | 'holdout';
  preview: boolean;
  started_at: Date;
  start_id: string | null;
  start_delivered: boolean | null;
  event: {
    id: string;
    name: string;
    properties: Record<string, unknown>;
    occurred_at: string;
  } | null;
}

/**
 * Active runs with no workflow behind them (DESIGN §8.2): a run whose workflow never confirmed
 * itself (no Temporal run id) after the grace period is looked up in Temporal. Running → it will
 * confirm. Never started → its start is delivered again (rebuilt from the database when its
 * outbox row is gone, as for runs recorded before the outbox existed). Started and closed without
 * its last checkpoint (terminated by hand) → the run is closed as `ended_in_temporal`.
 */
export async function reconcileRuns(
  target: OutboxTarget & { taskQueue?: string },
): Promise<{ restarted: number; closed: number }> {
  const { sql, temporal, log } = target;
  const runs = await sql<Unconfirmed[]>`
    select r.id, r.workspace_id, r.journey_id, j.name as journey_name, j.activation, r.version_id,
           v.version, r.contact_id, r.workflow_id, r.entry_key, r.pilot_group, r.preview, r.started_at,
           s.id::text as start_id, s.delivered_at is not null as start_delivered,
           (select json_build_object('id', e.id, 'name', e.name, 'properties', e.properties,
                                     'occurred_at', e.occurred_at)
            from events e where e.id = r.trigger_event_id) as event
    from runs r
    join journeys j on j.id = r.journey_id
    join journey_versions v on v.id = r.version_id
    left join lateral (
      select id, delivered_at from signal_outbox o
      where o.run_id = r.id and o.kind = 'start' order by o.id desc limit 1) s on true
    where r.status = 'active' and r.temporal_run_id is null
      and r.started_at < now() - ${GRACE}::interval
    order by r.started_at limit ${PER_PASS}`;
  let restarted = 0;
  let closed = 0;
  for (const run of runs) {
    if (run.start_id && !run.start_delivered) continue; // still queued: the dispatcher's
    let state: 'running' | 'closed_after' | 'missing';
    try {
      const description = await temporal.withDeadline(Date.now() + 5_000, () =>
        temporal.workflow.getHandle(run.workflow_id).describe(),
      );
      if (description.status.name === 'RUNNING') state = 'running';
      else if (description.startTime.getTime() >= run.started_at.getTime() - 2_000)
        state = 'closed_after';
      else state = 'missing'; // an earlier run's execution under the same workflow id
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) {
        log?.debug({ err: error }, 'reconciler: Temporal unavailable; later');
        return { restarted, closed };
      }
      state = 'missing';
    }
    if (state === 'running') continue;
    if (state === 'closed_after' || (run.preview && !run.start_id)) {
      await sql`
        update runs set status = 'failed', outcome = 'ended_in_temporal', ended_at = now(),
          waiting_for = null, updated_at = now()
        where id = ${run.id} and status = 'active' and temporal_run_id is null`;
      closed += 1;
      continue;
    }
    if (run.start_id) {
      await sql`
        update signal_outbox set delivered_at = null, next_attempt_at = now(),
          attempts = greatest(attempts, 1)
        where id = ${run.start_id}`;
    } else {
      await sql`
        insert into signal_outbox (workspace_id, run_id, workflow_id, kind, signal, payload, next_attempt_at, attempts)
        values (${run.workspace_id}, ${run.id}, ${run.workflow_id}, 'start', ${enrollSignal.name},
                ${sql.json(rebuiltStart(run, target.taskQueue) as never)}, now(), 1)`;
    }
    restarted += 1;
    log?.warn(
      { runId: run.id, workflowId: run.workflow_id },
      'reconciler: run had no workflow; starting it',
    );
  }
  closed += await closeEndedRuns(target);
  return { restarted, closed };
}

/**
 * Runs Ruta has as active whose workflow has ended in Temporal without its last checkpoint (it
 * failed, or was terminated by hand): a few per pass, in turn, are looked up and closed.
 */
async function closeEndedRuns(target: OutboxTarget): Promise<number> {
  const runs = await target.sql<{ id: string; workflow_id: string }[]>`
    select id, workflow_id from runs
    where status = 'active' and temporal_run_id is not null and updated_at < now() - ${GRACE}::interval
      and id > ${confirmedCursor}
    order by id limit ${CONFIRMED_PER_PASS}`;
  confirmedCursor = runs.at(-1)?.id ?? '00000000-0000-0000-0000-000000000000';
  let closed = 0;
  for (const run of runs) {
    const state = await closeIfWorkflowEnded(target, run.id, run.workflow_id).catch(
      () => 'unknown',
    );
    if (state === 'closed') closed += 1;
  }
  return closed;
}

/**
 * Closes a run Ruta still has as active when its workflow is no longer running in Temporal: with
 * the workflow's own outcome when it completed, else as failed (`ended_in_temporal`).
 */
export async function closeIfWorkflowEnded(
  target: OutboxTarget,
  runId: string,
  workflowId: string,
): Promise<'running' | 'closed' | 'missing'> {
  const { sql, temporal, log } = target;
  const handle = temporal.workflow.getHandle(workflowId);
  let status: string;
  try {
    status = (await temporal.withDeadline(Date.now() + 5_000, () => handle.describe())).status.name;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return 'missing';
    throw error;
  }
  if (status === 'RUNNING' || status === 'CONTINUED_AS_NEW') return 'running';
  let outcome = 'ended_in_temporal';
  if (status === 'COMPLETED') {
    const result = await temporal
      .withDeadline(Date.now() + 5_000, () => handle.result() as Promise<{ outcome?: string }>)
      .catch(() => undefined);
    if (result?.outcome) outcome = result.outcome;
  }
  await sql`
    update runs set status = ${status === 'COMPLETED' ? 'completed' : 'failed'}, outcome = ${outcome},
      ended_at = now(), waiting_for = null, updated_at = now()
    where id = ${runId} and status = 'active'`;
  log?.warn(
    { runId, workflowId, temporalStatus: status },
    'reconciler: closed a run whose workflow had ended',
  );
  return 'closed';
}

function rebuiltStart(run: Unconfirmed, taskQueue: string | undefined): StartPayload {
  if (!taskQueue) throw new Error('the reconciler needs the task queue to start a run');
  return {
    input: {
      runId: run.id,
      workspaceId: run.workspace_id,
      journeyId: run.journey_id,
      journeyName: run.journey_name,
      versionId: run.version_id,
      version: run.version,
      contactId: run.contact_id,
      ...(run.entry_key !== null ? { entryKey: run.entry_key } : {}),
      ...(run.event
        ? {
            triggerEvent: {
              id: run.event.id,
              name: run.event.name,
              properties: run.event.properties,
              occurredAt: new Date(run.event.occurred_at).toISOString(),
            },
          }
        : {}),
      group: run.pilot_group,
    },
    activation: run.activation,
    signalArg: run.event ? { eventId: run.event.id } : {},
    taskQueue,
  };
}
