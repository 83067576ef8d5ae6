import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { cpuMeter } from '../cpu';
import { createHandwrittenSchema } from '../handwritten/store';
import type { Infra } from '../infra';
import { until } from '../load';
import type { NodeChild } from '../processes';
import { type ApiClient, activeJourney } from '../ruta/api';

/** One side's segment sweep: from the start until every contact's run sent its WhatsApp and waits. */
export interface SweepResult {
  contacts: number;
  allWaitingMs: number;
  perSecond: number;
  cpu: Record<string, number>;
}

const INACTIVE_SINCE = "now() - interval '90 days'";

/**
 * Ruta's side of #7: `n` contacts with no order in 90 days, and the reactivation template as a
 * segment journey («no order in 60 days») activated through the API — activation sweeps the
 * segment (sweepWorkflow: pages of 500, eight enrollments in flight) and every run sends its
 * WhatsApp, then waits on `wait_whatsapp`.
 */
export async function rutaSweep(infra: Infra, api: ApiClient, n: number): Promise<SweepResult> {
  const [workspace] = await infra.sql<{ id: string }[]>`
    select id from workspaces order by created_at limit 1`;
  if (!workspace) throw new Error('no workspace');
  await infra.sql`
    insert into contacts (workspace_id, external_id, phone, first_name, consent, attributes)
    select ${workspace.id}, 'sweep-' || g, '+52157' || lpad(g::text, 8, '0'), 'Lucía',
           '{"whatsapp": {"granted": true, "source": "bench"}}'::jsonb,
           jsonb_build_object('last_order_at', ${infra.sql.unsafe(INACTIVE_SINCE)})
    from generate_series(1, ${n}) g`;
  const cpu = await cpuMeter();
  const started = performance.now();
  const journeyId = await activeJourney(api, 'Bench sweep', reactivationSegment());
  await until(
    'every swept contact to wait on wait_whatsapp',
    async () => {
      const [row] = await infra.sql<{ n: number }[]>`
        select count(*)::int as n from runs
        where journey_id = ${journeyId} and waiting_for ->> 'nodeId' = 'wait_whatsapp'`;
      return (row?.n ?? 0) >= n;
    },
    60 * 60_000,
    1_000,
  );
  const allWaitingMs = performance.now() - started;
  return { contacts: n, allWaitingMs, perSecond: (n * 1000) / allWaitingMs, cpu: await cpu.stop() };
}

/** The reactivation template, triggered as a segment (its schedule's conditions), no quiet hours. */
function reactivationSegment(): JourneyDefinition {
  const template = getJourneyTemplate('reactivation');
  if (!template) throw new Error('no reactivation template');
  const definition = structuredClone(template.definition);
  if (definition.trigger.kind !== 'schedule') throw new Error('reactivation is not a schedule');
  definition.trigger = { kind: 'segment', conditions: definition.trigger.conditions };
  delete definition.settings.quietHours;
  return definition;
}

/**
 * The hand-written side of #7: the same `n` contacts in the hand-written tables, and the sweep a
 * team would write (bare/workflows.ts `handwrittenSweepWorkflow`, handwritten/sweep.ts): pages of
 * the segment in SQL, each contact's cart workflow started (eight in flight), which sends the
 * WhatsApp through the provider activity and waits. Run by the bare worker.
 */
export async function handwrittenSweep(
  infra: Infra,
  worker: NodeChild,
  taskQueue: string,
  n: number,
): Promise<SweepResult> {
  await createHandwrittenSchema(infra.sql);
  await infra.sql`
    insert into hw_contacts (external_id, phone, first_name, consent, last_order_at)
    select 'sweep-' || g, '+52157' || lpad(g::text, 8, '0'), 'Lucía', '{"whatsapp": true}'::jsonb,
           ${infra.sql.unsafe(INACTIVE_SINCE)}
    from generate_series(1, ${n}) g`;
  let waiting = 0;
  const off = worker.onMessage((m) => {
    if (m.t === 'waiting' && m.workflowId.startsWith('hw-sweep/')) waiting += 1;
  });
  try {
    const cpu = await cpuMeter();
    const started = performance.now();
    await infra.client.workflow.start('handwrittenSweepWorkflow', {
      taskQueue,
      workflowId: `hw-sweep-run/${Date.now()}`,
      args: [{ campaign: 'reactivation' }],
    });
    await until('every hand-written swept run to wait', async () => waiting >= n, 60 * 60_000);
    const allWaitingMs = performance.now() - started;
    return {
      contacts: n,
      allWaitingMs,
      perSecond: (n * 1000) / allWaitingMs,
      cpu: await cpu.stop(),
    };
  } finally {
    off();
  }
}
