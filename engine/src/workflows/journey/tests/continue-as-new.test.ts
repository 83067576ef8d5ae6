import { type TestDatabase, testDatabase, uniqueName } from '@ruta/platform/testing';
import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enroll } from '../../../enrollment/enroll';
import {
  createContact,
  createWorkspace,
  publishJourney,
  withShortDurations,
} from '../../../testing/fixtures';
import { type OwnTemporal, startOwnTemporal } from '../../../testing/own-temporal';
import { engagementSignal } from '../signals';
import type { JourneyRunInput } from '../types';

/**
 * Long runs continue as new when Temporal suggests it (DESIGN §3). The suggestion cannot be forced
 * from a workflow, so this suite starts its own dev server with
 * `limit.historyCount.suggestContinueAsNew` set low: the signal-fallback reminder loop (≈60 events
 * in one history) must then hop across several runs and behave exactly as it does in one — loop
 * bounds, idempotency keys and the timeline carried over.
 */
const SUGGEST_AFTER_EVENTS = 5;

let temporal: OwnTemporal | undefined;
let db: TestDatabase | undefined;
let connection: Connection | undefined;
let client: Client;
let sql: TestDatabase['sql'];
let workspaceId: string;
const taskQueue = uniqueName('can');

beforeAll(async () => {
  temporal = await startOwnTemporal({
    'limit.historyCount.suggestContinueAsNew': SUGGEST_AFTER_EVENTS,
  });
  if (!temporal) return;
  db = await testDatabase();
  sql = db.sql;
  connection = await Connection.connect({ address: temporal.address });
  client = new Client({ connection });
  await temporal.startWorker({ taskQueue, sql });
  workspaceId = await createWorkspace(sql);
});
afterAll(async () => {
  await temporal?.stop();
  await connection?.close();
  await db?.drop();
});

function signalFallback(waitSeconds: number) {
  const template = getJourneyTemplate('signal_fallback');
  if (!template) throw new Error('signal_fallback template missing');
  return withShortDurations(template.definition, waitSeconds);
}

/** Enrolls a new lead on the own server's worker. */
async function enrollLead(definition: JourneyDefinition) {
  const journey = await publishJourney(sql, workspaceId, definition, 'Seguimiento');
  const contactId = await createContact(sql, workspaceId, { firstName: 'Luis' });
  const [event] = await sql<{ id: string; occurred_at: Date }[]>`
    insert into events (workspace_id, client_event_id, name, contact_id, properties)
    values (${workspaceId}, ${`lead-${contactId}`}, 'lead_created', ${contactId}, ${sql.json({})})
    returning id, occurred_at`;
  if (!event) throw new Error('no event row');
  const result = await enroll(
    { sql, temporal: client, taskQueue, workflowIdPrefix: `${taskQueue}/` },
    {
      workspaceId,
      journeyId: journey.journeyId,
      journeyName: journey.name,
      versionId: journey.versionId,
      version: journey.version,
      definition: journey.definition,
      contactId,
      triggerEvent: {
        id: event.id,
        name: 'lead_created',
        properties: {},
        occurredAt: event.occurred_at.toISOString(),
      },
      group: 'treatment',
    },
  );
  if (result.status !== 'started') throw new Error(`not started: ${result.status}`);
  return { ...result, contactId };
}

interface ChainLink {
  runId: string;
  events: number;
  continued: boolean;
  /** Where this run picked up (undefined for the first run). */
  carriedFrom: string | undefined;
}

/** The Temporal runs of one enrollment, first to last, following continue-as-new. */
async function runChain(runId: string, workflowId: string): Promise<ChainLink[]> {
  const [row] = await sql<{ temporal_run_id: string }[]>`
    select temporal_run_id from runs where id = ${runId}`;
  const chain: ChainLink[] = [];
  let temporalRunId: string | undefined = row?.temporal_run_id;
  while (temporalRunId) {
    const history = await client.workflow.getHandle(workflowId, temporalRunId).fetchHistory();
    const events = history.events ?? [];
    const next =
      events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    const data =
      events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data ?? undefined;
    const input = data ? (JSON.parse(Buffer.from(data).toString('utf8')) as JourneyRunInput) : {};
    chain.push({
      runId: temporalRunId,
      events: events.length,
      continued: next !== undefined,
      carriedFrom: (input as JourneyRunInput).carried?.nextNodeId,
    });
    temporalRunId = next ?? undefined;
  }
  return chain;
}

async function steps(runId: string) {
  return sql<
    {
      seq: number;
      node_id: string;
      kind: string;
      port: string | null;
      detail: Record<string, unknown>;
    }[]
  >`select seq, node_id, kind, port, detail from run_steps where run_id = ${runId} order by seq`;
}

describe('continue-as-new', () => {
  test('a loop that outgrows its history continues as new and ends as it would in one run', async (context) => {
    if (!temporal) {
      context.skip('needs the Temporal CLI to start a server with its own dynamic config');
      return;
    }
    const { runId, workflowId } = await enrollLead(signalFallback(1));

    // The handle follows the chain of runs to the last one.
    expect(await client.workflow.getHandle(workflowId).result()).toEqual({
      outcome: 'loop_limit',
    });
    const [row] = await sql<{ status: string; outcome: string }[]>`
      select status, outcome from runs where id = ${runId}`;
    expect(row).toMatchObject({ status: 'completed', outcome: 'loop_limit' });

    // Every run but the last ended by continuing as new, soon after Temporal suggested it.
    const chain = await runChain(runId, workflowId);
    expect(chain.length).toBeGreaterThanOrEqual(3);
    expect(chain.at(-1)?.continued).toBe(false);
    for (const run of chain.slice(0, -1))
      expect(run.events).toBeLessThan(SUGGEST_AFTER_EVENTS + 25);

    // Loop bounds survived the hops: one greeting, two reminders, then the loop limit.
    const messages = await sql<{ id: string; node_id: string; idempotency_key: string }[]>`
      select id, node_id, idempotency_key from messages where run_id = ${runId} order by created_at`;
    expect(messages.map((m) => m.node_id)).toEqual([
      expect.stringMatching(/^send_[ab]$/),
      'send_reminder',
      'send_reminder',
    ]);
    expect(messages.slice(1).map((m) => m.idempotency_key)).toEqual([
      `${workflowId}:send_reminder:1`,
      `${workflowId}:send_reminder:2`,
    ]);
    const deliveries = await sql<{ message_id: string }[]>`
      select message_id from sandbox_deliveries where message_id in ${sql(messages.map((m) => m.id))}`;
    expect(deliveries).toHaveLength(3);

    // One timeline across all runs: contiguous sequence numbers, entered once, ended once.
    const timeline = await steps(runId);
    expect(timeline.map((s) => s.seq)).toEqual(timeline.map((_, i) => i + 1));
    expect(timeline.filter((s) => s.kind === 'entered')).toHaveLength(1);
    expect(timeline.filter((s) => s.kind === 'ended')).toMatchObject([
      { detail: { outcome: 'loop_limit' } },
    ]);
    const variant = messages[0]?.node_id;
    expect(timeline.filter((s) => s.kind === 'took').map((s) => `${s.node_id}.${s.port}`)).toEqual([
      'branch_channel.else',
      `split_ab.${variant?.slice(-1)}`,
      `${variant}.sent`,
      'wait_reply.timeout',
      'wait_day.next',
      'send_reminder.sent',
      'wait_reply.timeout',
      'wait_day.next',
      'send_reminder.sent',
      'wait_reply.timeout',
      'wait_day.next',
    ]);
    expect(timeline.at(-2)).toMatchObject({
      node_id: 'send_reminder',
      kind: 'visited',
      detail: { visit: 3, refused: 'loop_limit' },
    });

    // The later runs are still findable by the search attributes enrollment set on the first.
    const last = await client.workflow.getHandle(workflowId, chain.at(-1)?.runId).describe();
    const [contact] = await sql<{ contact_id: string }[]>`
      select contact_id from runs where id = ${runId}`;
    expect(last.searchAttributes.RutaContactId).toEqual([contact?.contact_id]);
  });

  test('a reply consumed just before continuing as new still decides the next branch', async (context) => {
    if (!temporal) {
      context.skip('needs the Temporal CLI to start a server with its own dynamic config');
      return;
    }
    // wait_reply takes the reply; the run continues as new before branch_reply reads the reply's
    // intent. "BAJA" must still opt the contact out, not hand them to sales.
    const { runId, workflowId, contactId } = await enrollLead(signalFallback(60));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row] = await sql<{ waiting_for: { nodeId: string } | null }[]>`
        select waiting_for from runs where id = ${runId}`;
      if (row?.waiting_for?.nodeId === 'wait_reply') break;
      if (Date.now() > deadline) throw new Error('the run never waited at wait_reply');
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.workflow.getHandle(workflowId).signal(engagementSignal, {
      kind: 'reply',
      channel: 'whatsapp',
      text: 'BAJA',
      at: new Date().toISOString(),
    });
    expect(await client.workflow.getHandle(workflowId).result()).toEqual({ outcome: 'opted_out' });

    // The precondition really held: a run picked up exactly at branch_reply.
    const chain = await runChain(runId, workflowId);
    expect(chain.map((r) => r.carriedFrom)).toContain('branch_reply');
    const took = (await steps(runId))
      .filter((s) => s.kind === 'took')
      .map((s) => `${s.node_id}.${s.port}`);
    expect(took.slice(-3)).toEqual([
      'wait_reply.replied',
      'branch_reply.opt_out',
      'update_opt_out.next',
    ]);
    const [contact] = await sql<{ consent: Record<string, { granted: boolean }> }[]>`
      select consent from contacts where id = ${contactId}`;
    expect(contact?.consent.whatsapp?.granted).toBe(false);
    expect(contact?.consent.sms?.granted).toBe(false);
  });
});
