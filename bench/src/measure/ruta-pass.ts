import { cpuMeter } from '../cpu';
import type { Infra } from '../infra';
import { closedLoop, until } from '../load';
import type { BenchOptions } from '../options';
import type { NodeChild } from '../processes';
import { sampleRss } from '../processes';
import { type ApiClient, activeJourney, cartDefinition, cartEvent } from '../ruta/api';
import { measureReplies } from './bare-pass';
import { historyBytes } from './history-bytes';
import { type PassResult, sampleIndexes } from './pass';
import { pgWrites } from './pg-writes';

const DAY_S = 24 * 3_600;

/**
 * Ruta's side of #1, #2 and #4: `POST /api/events` (ingest → trigger match → `signalWithStart`)
 * from `concurrency` callers on an active abandoned-cart journey; every run sends its WhatsApp
 * and waits on `wait_cart`. Then replies (a "Comprar" tap through `POST /api/sandbox/inbound`,
 * the path real providers' webhooks take) at a fixed rate, each timed to the start of the next
 * step's `sendMessage` activity.
 */
export async function rutaPass(
  infra: Infra,
  api: ApiClient,
  worker: NodeChild,
  options: BenchOptions,
  tag: string,
): Promise<PassResult> {
  const n = options.waiting;
  const event = `cart_abandoned_${tag}`;
  const journeyId = await activeJourney(api, `Bench ${tag}`, cartDefinition(event, DAY_S));
  const rss = sampleRss(worker.rssMb);
  const contacts: string[] = new Array(n);
  const writes = await pgWrites(infra.sql);
  const enrollStart = performance.now();
  const enrollCpu = await cpuMeter();
  const enroll = await closedLoop(n, options.concurrency, async (i) => {
    const { body } = cartEvent(event, tag);
    const res = await api.call<{
      results: { contactId: string; enrollments: { status: string }[] }[];
    }>('POST', '/events', body);
    const result = res.results[0];
    if (result?.enrollments[0]?.status !== 'started')
      throw new Error(`not enrolled: ${JSON.stringify(res)}`);
    contacts[i] = result.contactId;
  });
  const acceptCpu = await enrollCpu.stop();
  const settleCpu = await cpuMeter();
  if (enroll.errors > 0) throw new Error(`Ruta enrollment failed: ${String(enroll.firstError)}`);
  await until(
    'every Ruta run to wait on wait_cart',
    async () => {
      const [row] = await infra.sql<{ n: number }[]>`
        select count(*)::int as n from runs
        where journey_id = ${journeyId} and waiting_for->>'nodeId' = 'wait_cart'`;
      return (row?.n ?? 0) >= n;
    },
    30 * 60_000,
    500,
  );
  const settledAt = performance.now();
  const settleUsed = await settleCpu.stop();
  const twice = await sentTwice(infra, journeyId);
  const written = await writes.stop(n);
  await new Promise((r) => setTimeout(r, 2_000));
  const afterEnroll = await worker.rssMb();

  const rows = await infra.sql<{ contact_id: string; workflow_id: string }[]>`
    select contact_id, workflow_id from runs where journey_id = ${journeyId}`;
  const workflowOf = new Map(rows.map((r) => [r.contact_id, r.workflow_id]));
  // One run's history once it waits (no reply yet: the replies go to a sample of the runs).
  const sampled = new Set(sampleIndexes(n, options.replies).map((i) => contacts[i]));
  const quiet = rows.find((r) => !sampled.has(r.contact_id));
  const history = quiet
    ? await infra.client.workflow.getHandle(quiet.workflow_id).fetchHistory()
    : undefined;
  const replyCpu = await cpuMeter();
  const latency = await measureReplies(
    worker,
    'sendMessage',
    options,
    (i) =>
      api.call('POST', '/sandbox/inbound', {
        contactId: contacts[i],
        channel: 'whatsapp',
        buttonId: 'buy',
        text: 'Comprar',
      }),
    (i) => workflowOf.get(contacts[i] as string) as string,
  );
  const replyUsed = await replyCpu.stop();
  const peaks = rss.stop();
  return {
    enrolled: n,
    enrollMs: enroll.ms,
    perSecond: (n * 1000) / enroll.ms,
    allWaitingMs: settledAt - enrollStart,
    rssAfterEnrollMb: afterEnroll,
    rssPeakMb: peaks.peak,
    rssAfterRepliesMb: await worker.rssMb(),
    ...latency,
    cpu: { accept: acceptCpu, settle: settleUsed, replies: replyUsed },
    ...(history
      ? { historyEvents: history.events?.length ?? 0, historyBytes: historyBytes(history) }
      : {}),
    pgWrites: written,
    ...twice,
  };
}

/**
 * What must stay zero however many processes share the work: a step's message written (so sent)
 * twice for one run, and a contact with two runs of the journey (one event, one run).
 */
async function sentTwice(infra: Infra, journeyId: string) {
  const [row] = await infra.sql<{ messages: number; runs: number }[]>`
    select
      (select count(*)::int from (select 1 from messages where journey_id = ${journeyId}
         group by run_id, node_id having count(*) > 1) m) as messages,
      (select count(*)::int from (select 1 from runs where journey_id = ${journeyId}
         group by contact_id having count(*) > 1) r) as runs`;
  return { sentTwice: row?.messages ?? 0, contactsWithTwoRuns: row?.runs ?? 0 };
}
