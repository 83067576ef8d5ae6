import { stateQuery } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import { contactSearch, likePattern } from '../contacts/contact-views';
import type { AppDeps } from '../deps';
import { notFound } from '../http/problem';

export interface RunFilters {
  journeyId?: string | undefined;
  contactId?: string | undefined;
  status?: 'active' | 'completed' | 'failed' | undefined;
  nodeId?: string | undefined;
  /** A step's id, or part of its name (the runs list's «Paso» filter). */
  step?: string | undefined;
  /** Part of the contact's name, phone, email or external id. */
  q?: string | undefined;
  outcome?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** Runs, newest first (the runs list). */
export function listRuns(sql: Sql, workspaceId: string, f: RunFilters) {
  const step = f.step?.trim();
  const q = f.q?.trim();
  return sql`
    select r.id, r.journey_id, j.name as journey_name, v.version, r.contact_id,
           trim(coalesce(ct.first_name, '') || ' ' || coalesce(ct.last_name, '')) as contact_name, ct.phone, ct.email,
           r.status, r.outcome, r.current_node,
           v.definition -> 'nodes' -> r.current_node ->> 'name' as current_node_name,
           v.definition -> 'nodes' -> r.current_node ->> 'type' as current_node_type,
           r.waiting_for, r.pilot_group, r.preview, r.entry_key,
           r.started_at, r.ended_at, r.converted_at
    from runs r join journeys j on j.id = r.journey_id join journey_versions v on v.id = r.version_id
    join contacts ct on ct.id = r.contact_id
    where r.workspace_id = ${workspaceId}
      ${f.journeyId ? sql`and r.journey_id = ${f.journeyId}` : sql``}
      ${f.contactId ? sql`and r.contact_id = ${f.contactId}` : sql``}
      ${f.status ? sql`and r.status = ${f.status}` : sql``}
      ${f.nodeId ? sql`and r.current_node = ${f.nodeId}` : sql``}
      ${
        step
          ? sql`and (r.current_node = ${step}
                or v.definition -> 'nodes' -> r.current_node ->> 'name' ilike ${likePattern(step)})`
          : sql``
      }
      ${q ? sql`and ${contactSearch(sql, q, 'ct')}` : sql``}
      ${f.outcome ? sql`and r.outcome = ${f.outcome}` : sql``}
      ${f.before ? sql`and r.started_at < ${f.before}` : sql``}
    order by r.started_at desc limit ${f.limit}`;
}

function temporalLink(
  uiUrl: string | undefined,
  namespace: string,
  workflowId: string,
  runId: string | null,
) {
  if (!uiUrl) return null;
  const path = `/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return `${uiUrl}${path}${runId ? `/${encodeURIComponent(runId)}` : ''}/history`;
}

/**
 * Where a live run waits, as its workflow says; undefined when it does not answer within 2 s. The
 * deadline bounds the gRPC call itself (retries included), so nothing keeps calling afterwards.
 */
async function liveWaitingFor(deps: AppDeps, workflowId: string) {
  const state = await deps.temporal
    .withDeadline(Date.now() + 2_000, () =>
      deps.temporal.workflow.getHandle(workflowId).query(stateQuery),
    )
    .catch(() => null);
  return (state as { waitingFor?: unknown } | null)?.waitingFor;
}

/** A run's timeline: every step, the messages as rendered, and what it waits for now. */
export async function runDetail(deps: AppDeps, workspaceId: string, id: string) {
  const { sql, config } = deps;
  const [run] = await sql`
    select r.*, j.name as journey_name, v.version, v.definition, v.layout
    from runs r join journeys j on j.id = r.journey_id join journey_versions v on v.id = r.version_id
    where r.id = ${id} and r.workspace_id = ${workspaceId}`;
  if (!run) throw notFound('run', id);
  const [steps, messages, contact] = await Promise.all([
    sql`select seq, at, node_id, kind, port, detail from run_steps where run_id = ${id} order by seq`,
    sql`select id, node_id, channel, format, content, status, error, in_window, cost, created_at, sent_at, delivered_at,
               read_at, opened_at, clicked_at, replied_at, failed_at from messages where run_id = ${id} order by created_at`,
    sql`select id, first_name, last_name, phone, email, time_zone from contacts where id = ${run.contact_id}`,
  ]);
  const live = run.status === 'active' ? await liveWaitingFor(deps, run.workflow_id) : undefined;
  return {
    id: run.id,
    journey: {
      id: run.journey_id,
      name: run.journey_name,
      version: run.version,
      definition: run.definition,
      layout: run.layout,
    },
    contact: contact[0] ?? null,
    status: run.status,
    outcome: run.outcome,
    group: run.pilot_group,
    preview: run.preview,
    entryKey: run.entry_key,
    currentNode: run.current_node,
    waitingFor: live ?? run.waiting_for,
    startedAt: run.started_at,
    endedAt: run.ended_at,
    convertedAt: run.converted_at,
    steps,
    messages,
    path: [...new Set(steps.map((s) => s.node_id as string))],
    temporal: {
      workflowId: run.workflow_id,
      runId: run.temporal_run_id,
      url: temporalLink(
        config.temporalUiUrl,
        config.temporalNamespace,
        run.workflow_id,
        run.temporal_run_id,
      ),
    },
  };
}

/** The run's workflow and status, for removing it. */
export async function runToExit(sql: Sql, workspaceId: string, id: string) {
  const [run] = await sql<{ workflow_id: string; status: string }[]>`
    select workflow_id, status from runs where id = ${id} and workspace_id = ${workspaceId}`;
  if (!run) throw notFound('run', id);
  return run;
}
