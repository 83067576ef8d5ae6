import { createLogger, type Sql } from '@ruta/platform';
import { harness, type TestDatabase, testDatabase, uniqueName } from '@ruta/platform/testing';
import type { JourneyDefinition } from '@ruta/shared';
import { Client, Connection } from '@temporalio/client';
import type { ProviderRegistry } from '../channels/provider';
import { type EnrollRequest, type EnrollResult, enroll } from '../enrollment/enroll';
import { createRutaWorker, type RutaWorker, type RutaWorkerOptions } from '../worker';
import {
  engagementSignal,
  eventSignal,
  exitSignal,
  stateQuery,
} from '../workflows/journey/signals';
import type { EngagementSignal, EventSignal } from '../workflows/journey/types';
import {
  type ContactFixture,
  createContact,
  createWorkspace,
  type PublishedJourney,
  publishJourney,
} from './fixtures';

export interface RunRow {
  id: string;
  status: string;
  outcome: string | null;
  current_node: string | null;
  waiting_for: { kind: string; nodeId: string; ports?: string[]; until: string } | null;
  converted_at: Date | null;
  workflow_id: string;
  temporal_run_id: string | null;
  pilot_group: string;
}

export interface StepRow {
  seq: number;
  node_id: string;
  kind: string;
  port: string | null;
  detail: Record<string, unknown>;
}

export interface MessageRow {
  id: string;
  node_id: string;
  channel: string;
  format: string;
  status: string;
  content: Record<string, unknown>;
  in_window: boolean | null;
  idempotency_key: string;
  cost: string | null;
}

/**
 * A real worker on the run's Temporal dev server, a fresh database and helpers to enroll
 * contacts and act as the contact would. One per test file.
 */
export async function startJourneyHarness(
  options: {
    activityDeps?: RutaWorkerOptions['activityDeps'];
    /** The channel providers the worker sends through, built over the suite's database. */
    providers?: (sql: Sql) => ProviderRegistry;
  } = {},
) {
  const db: TestDatabase = await testDatabase();
  const taskQueue = uniqueName('journeys');
  const connection = await Connection.connect({ address: harness().temporalAddress });
  const client = new Client({ connection });
  const log = createLogger('test', 'warn');
  let worker: RutaWorker | undefined;
  const startWorker = async () => {
    worker = await createRutaWorker({
      temporalAddress: harness().temporalAddress,
      namespace: 'default',
      taskQueue,
      workflowIdPrefix: `${taskQueue}/`,
      sql: db.sql,
      log,
      activityDeps: {
        ...options.activityDeps,
        ...(options.providers ? { providers: options.providers(db.sql) } : {}),
      },
    });
    void worker.run();
  };
  await startWorker();
  const workspaceId = await createWorkspace(db.sql);
  const target = { sql: db.sql, temporal: client, taskQueue, workflowIdPrefix: `${taskQueue}/` };
  let events = 0;

  const h = {
    db,
    sql: db.sql,
    log,
    client,
    taskQueue,
    workspaceId,
    target,
    contact: (fixture?: ContactFixture) => createContact(db.sql, workspaceId, fixture),
    publish: (definition: JourneyDefinition, name?: string) =>
      publishJourney(db.sql, workspaceId, definition, name),

    async recordEvent(contactId: string, name: string, properties: Record<string, unknown> = {}) {
      events += 1;
      const [row] = await db.sql<{ id: string; occurred_at: Date }[]>`
        insert into events (workspace_id, client_event_id, name, contact_id, properties)
        values (${workspaceId}, ${`evt-${events}-${Date.now()}`}, ${name}, ${contactId}, ${db.sql.json(properties as never)})
        returning id, occurred_at`;
      return { id: row!.id, name, properties, occurredAt: row!.occurred_at.toISOString() };
    },

    async enroll(
      journey: PublishedJourney,
      contactId: string,
      opts: {
        event?: { name: string; properties: Record<string, unknown> };
        group?: 'treatment' | 'holdout';
        preview?: { timeScale: number };
      } = {},
    ): Promise<EnrollResult> {
      const triggerEvent = opts.event
        ? await h.recordEvent(contactId, opts.event.name, opts.event.properties)
        : undefined;
      return enroll(
        target,
        h.request(journey, contactId, {
          ...(triggerEvent ? { triggerEvent } : {}),
          group: opts.group ?? 'treatment',
          ...(opts.preview ? { preview: opts.preview } : {}),
        }),
      );
    },

    /** What enrolling a contact in a published journey asks for (treatment unless `extra` says). */
    request(
      journey: PublishedJourney,
      contactId: string,
      extra: Partial<EnrollRequest> = {},
    ): EnrollRequest {
      return {
        workspaceId,
        journeyId: journey.journeyId,
        journeyName: journey.name,
        versionId: journey.versionId,
        version: journey.version,
        definition: journey.definition,
        contactId,
        group: 'treatment',
        ...extra,
      };
    },

    engagement: (workflowId: string, signal: Omit<EngagementSignal, 'at'>) =>
      client.workflow
        .getHandle(workflowId)
        .signal(engagementSignal, { ...signal, at: new Date().toISOString() }),
    /** As the API does with an inbound message: record the contact's last inbound time, then signal. */
    async reply(
      workflowId: string,
      reply: { text?: string; buttonId?: string; channel?: 'whatsapp' | 'sms' },
    ) {
      const channel = reply.channel ?? 'whatsapp';
      await db.sql`
        update contacts c set last_inbound_at = c.last_inbound_at || jsonb_build_object(${channel}::text, now())
        from runs r where r.workflow_id = ${workflowId} and r.contact_id = c.id`;
      await h.engagement(workflowId, { kind: 'reply', channel, ...reply });
    },
    async event(
      workflowId: string,
      contactId: string,
      name: string,
      properties: Record<string, unknown> = {},
    ) {
      const stored = await h.recordEvent(contactId, name, properties);
      const signal: EventSignal = {
        id: stored.id,
        name,
        properties,
        occurredAt: stored.occurredAt,
      };
      await client.workflow.getHandle(workflowId).signal(eventSignal, signal);
    },
    exit: (workflowId: string) =>
      client.workflow.getHandle(workflowId).signal(exitSignal, { reason: 'test', by: 'operator' }),
    state: (workflowId: string) => client.workflow.getHandle(workflowId).query(stateQuery),
    result: (workflowId: string) =>
      client.workflow.getHandle(workflowId).result() as Promise<{
        outcome: string;
        convertedAt?: string;
      }>,

    async run(runId: string): Promise<RunRow> {
      const [row] = await db.sql<RunRow[]>`select * from runs where id = ${runId}`;
      if (!row) throw new Error(`no run ${runId}`);
      return row;
    },
    steps: (runId: string) =>
      db.sql<
        StepRow[]
      >`select seq, node_id, kind, port, detail from run_steps where run_id = ${runId} order by seq`,
    messages: (runId: string) =>
      db.sql<MessageRow[]>`select * from messages where run_id = ${runId} order by created_at`,
    deliveries: (messageId: string) =>
      db.sql`select * from sandbox_deliveries where message_id = ${messageId}`,

    /** Polls until the run row satisfies `check` (the workflow flushes at each wait and at the end). */
    async until(
      runId: string,
      check: (run: RunRow) => boolean,
      timeoutMs = 20_000,
    ): Promise<RunRow> {
      const deadline = Date.now() + timeoutMs;
      let run = await h.run(runId);
      while (!check(run)) {
        if (Date.now() > deadline)
          throw new Error(`run ${runId} did not reach the expected state: ${JSON.stringify(run)}`);
        await new Promise((r) => setTimeout(r, 100));
        run = await h.run(runId);
      }
      return run;
    },
    waitingAt: (runId: string, nodeId: string) =>
      h.until(runId, (r) => r.waiting_for?.nodeId === nodeId),
    ended: (runId: string) => h.until(runId, (r) => r.status !== 'active'),

    async stopWorker() {
      await worker?.shutdown();
      worker = undefined;
    },
    startWorker,
    async stop() {
      await worker?.shutdown();
      await connection.close();
      await db.drop();
    },
  };
  return h;
}

export type JourneyHarness = Awaited<ReturnType<typeof startJourneyHarness>>;

/** The workflow id of a started enrollment (throws on a skipped one). */
export function started(result: EnrollResult): { runId: string; workflowId: string } {
  if (result.status === 'skipped') throw new Error(`enrollment skipped: ${result.reason}`);
  return result;
}
