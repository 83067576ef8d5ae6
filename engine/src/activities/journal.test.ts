import { createLogger } from '@ruta/platform';
import { type TestDatabase, testDatabase } from '@ruta/platform/testing';
import { getJourneyTemplate } from '@ruta/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sandboxOnlyRegistry } from '../channels/registry';
import { createContact, createWorkspace, publishJourney } from '../testing/fixtures';
import type { JournalStep } from '../workflows/journey/types';
import { createJournalActivities } from './journal';

/**
 * A worker that dies after its checkpoint wrote the timeline but before its workflow task was
 * recorded leaves steps the replay may number differently (a signal that arrived meanwhile comes
 * first). The next checkpoint has the last word: it rewrites those steps and drops extra ones.
 */
let db: TestDatabase;
let runId: string;
let journal: ReturnType<typeof createJournalActivities>;

beforeAll(async () => {
  db = await testDatabase();
  const workspaceId = await createWorkspace(db.sql);
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('template missing');
  const journey = await publishJourney(db.sql, workspaceId, template.definition);
  const contactId = await createContact(db.sql, workspaceId);
  const [run] = await db.sql<{ id: string }[]>`
    insert into runs (workspace_id, journey_id, version_id, contact_id, workflow_id)
    values (${workspaceId}, ${journey.journeyId}, ${journey.versionId}, ${contactId}, 'wf-journal')
    returning id`;
  runId = run?.id as string;
  journal = createJournalActivities({
    sql: db.sql,
    log: createLogger('test', 'silent'),
    workerIdentity: 'test',
    providers: sandboxOnlyRegistry(db.sql),
    enrollment: undefined as never,
    outbound: { allow: [], allowPlainSmtp: false },
  } as never);
});
afterAll(() => db?.drop());

const step = (seq: number, nodeId: string, kind: JournalStep['kind']): JournalStep => ({
  seq,
  at: new Date().toISOString(),
  nodeId,
  kind,
});
const state = {
  status: 'active' as const,
  currentNodeId: 'wait_cart',
  waitingFor: undefined,
  outcome: undefined,
  convertedAt: undefined,
  endedAt: undefined,
};

describe('checkpoint', () => {
  test('a later checkpoint rewrites the steps a lost workflow task wrote, and drops the extra ones', async () => {
    // The lost task: the send finished, the run started waiting.
    await journal.checkpoint({
      runId,
      steps: [
        step(1, 'trigger', 'entered'),
        step(2, 'send_cart', 'visited'),
        step(3, 'send_cart', 'message'),
        step(4, 'wait_cart', 'visited'),
        step(5, 'wait_cart', 'waiting'),
      ],
      lastSeq: 5,
      state,
    });
    // The replay: the tap arrived during the send, so it comes first, and the wait ends at once.
    await journal.checkpoint({
      runId,
      steps: [
        step(1, 'trigger', 'entered'),
        step(2, 'send_cart', 'visited'),
        step(3, 'send_cart', 'signal'),
        step(4, 'send_cart', 'message'),
      ],
      lastSeq: 4,
      state,
    });
    const steps = await db.sql<{ seq: number; kind: string }[]>`
      select seq, kind from run_steps where run_id = ${runId} order by seq`;
    expect(steps).toEqual([
      { seq: 1, kind: 'entered' },
      { seq: 2, kind: 'visited' },
      { seq: 3, kind: 'signal' },
      { seq: 4, kind: 'message' },
    ]);
  });
});
