import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { Infra } from '../infra';
import { until } from '../load';
import type { NodeChild } from '../processes';
import { type ApiClient, activeJourney, cartDefinition, cartEvent } from '../ruta/api';
import { estimateActions } from './actions';
import { historyBytes } from './history-bytes';

/** One branch of the abandoned cart: what the contact does once the first message waits. */
interface Branch {
  name: string;
  outcome: string;
  /** Waits shortened to 1 s (the timeout branch) instead of 60 s. */
  short?: boolean;
  consent?: boolean;
  reply?: { text?: string; buttonId?: string };
  order?: boolean;
}

export const BRANCHES: Branch[] = [
  { name: 'tapped_buy', outcome: 'clicked_buy', reply: { buttonId: 'buy', text: 'Comprar' } },
  { name: 'tapped_help', outcome: 'handed_off', reply: { buttonId: 'help', text: 'Tengo dudas' } },
  { name: 'replied_opt_out', outcome: 'opted_out', reply: { text: 'BAJA' } },
  {
    name: 'replied_question',
    outcome: 'handed_off',
    reply: { text: '¿Hacen envíos a Monterrey?' },
  },
  { name: 'ordered', outcome: 'converted', order: true },
  { name: 'timeout_no_response', outcome: 'no_response', short: true },
  { name: 'not_delivered', outcome: 'not_delivered', consent: false },
];

export interface HistoryRow {
  branch: string;
  bare: number;
  ruta: number;
  ratio: number;
  /** Temporal Cloud Actions the run's history stands for (estimateActions). */
  actions: { bare: number; ruta: number };
  /** Payload bytes in the finished run's history. */
  bytes: { bare: number; ruta: number };
}

interface Counted {
  events: number;
  actions: number;
  bytes: number;
}

function counted(history: Parameters<typeof estimateActions>[0]): Counted {
  return {
    events: history.events?.length ?? 0,
    actions: estimateActions(history),
    bytes: historyBytes(history),
  };
}

/**
 * #3: Temporal history events of one abandoned-cart enrollment per branch, driven through Ruta's
 * API (events and sandbox replies, as a store and a customer would), against the hand-written
 * `minimalCartWorkflow` doing the same steps. A count: no noise.
 */
export async function historyCost(
  infra: Infra,
  api: ApiClient,
  bare: { worker: NodeChild; taskQueue: string },
): Promise<HistoryRow[]> {
  await activeJourney(api, 'Bench history', cartDefinition('bench_cart_long', 60));
  await activeJourney(api, 'Bench history 1s', cartDefinition('bench_cart_short', 1));
  return Promise.all(
    BRANCHES.map(async (branch) => {
      const [ruta, bareCount] = await Promise.all([
        rutaBranch(infra, api, branch),
        bareBranch(infra, bare, branch),
      ]);
      return {
        branch: branch.name,
        bare: bareCount.events,
        ruta: ruta.events,
        ratio: ruta.events / bareCount.events,
        actions: { bare: bareCount.actions, ruta: ruta.actions },
        bytes: { bare: bareCount.bytes, ruta: ruta.bytes },
      };
    }),
  );
}

async function rutaBranch(infra: Infra, api: ApiClient, branch: Branch): Promise<Counted> {
  const { cartId, body } = cartEvent(
    branch.short ? 'bench_cart_short' : 'bench_cart_long',
    `hist-${branch.name}`,
    branch.consent ?? true,
  );
  const res = await api.call<{
    results: { contactId: string; enrollments: { runId?: string }[] }[];
  }>('POST', '/events', body);
  const contactId = res.results[0]?.contactId;
  const runId = res.results[0]?.enrollments[0]?.runId;
  if (!contactId || !runId) throw new Error(`history ${branch.name}: not enrolled`);
  const run = async () => {
    const [row] = await infra.sql<
      { status: string; outcome: string | null; workflow_id: string; node: string | null }[]
    >`select status, outcome, workflow_id, waiting_for->>'nodeId' as node from runs where id = ${runId}`;
    if (!row) throw new Error(`no run ${runId}`);
    return row;
  };
  if (branch.reply || branch.order) {
    await until(`${branch.name} waits`, async () => (await run()).node === 'wait_cart', 60_000);
  }
  if (branch.reply) {
    await api.call('POST', '/sandbox/inbound', { contactId, channel: 'whatsapp', ...branch.reply });
  }
  if (branch.order) {
    await api.call('POST', '/events', {
      id: `hist-order-${cartId}`,
      name: 'order_placed',
      contact: { externalId: body.contact.externalId },
      properties: { cart_id: cartId },
    });
  }
  const ended = await until(
    `${branch.name} ends`,
    async () => {
      const row = await run();
      return row.status !== 'active' && row;
    },
    60_000,
  );
  if (ended.outcome !== branch.outcome)
    throw new Error(`history ${branch.name}: Ruta ended as ${ended.outcome}`);
  const handle = infra.client.workflow.getHandle(ended.workflow_id);
  await handle.result();
  return counted(await handle.fetchHistory());
}

async function bareBranch(
  infra: Infra,
  bare: { worker: NodeChild; taskQueue: string },
  branch: Branch,
): Promise<Counted> {
  const workflowId = `${bare.taskQueue}/hist-${branch.name}`;
  const waiting = bare.worker.next((m) => m.t === 'waiting' && m.workflowId === workflowId, 60_000);
  const handle = await infra.client.workflow.signalWithStart('minimalCartWorkflow', {
    taskQueue: bare.taskQueue,
    workflowId,
    args: [{ timeoutMs: (branch.short ? 1 : 60) * 1000, consent: branch.consent ?? true }],
    signal: 'enroll',
    signalArgs: [{}],
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
  });
  if (branch.reply || branch.order) await waiting;
  else void waiting.catch(() => undefined);
  if (branch.reply) await handle.signal('reply', branch.reply);
  if (branch.order) await handle.signal('event', { name: 'order_placed' });
  const outcome = await handle.result();
  if (outcome !== branch.outcome)
    throw new Error(`history ${branch.name}: bare ended as ${String(outcome)}`);
  return counted(await handle.fetchHistory());
}
