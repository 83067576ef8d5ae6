import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type TestDatabase, testDatabase } from '../testing/index';

/**
 * Deleting runs recounts the hourly analytics buckets they touch. Two deletions of the same hour
 * in concurrent transactions used to collide on the rollup's primary key and roll one back
 * (issue #15: the enrollment's compensating delete failed and left a ghost run).
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db?.drop());

describe('analytics recount', () => {
  test('two transactions deleting runs of the same hour both commit, and the count is right', async () => {
    const { sql } = db;
    const [ids] = await sql<
      { workspace: string; journey: string; version: string; contact: string }[]
    >`
      with w as (insert into workspaces (name) values ('w') returning id),
      j as (insert into journeys (workspace_id, name, draft) select id, 'j', '{}' from w returning id, workspace_id),
      v as (insert into journey_versions (journey_id, version, definition) select id, 1, '{}' from j returning id),
      c as (insert into contacts (workspace_id) select id from w returning id)
      select (select id from w) as workspace, (select id from j) as journey, (select id from v) as version,
             (select id from c) as contact`;
    if (!ids) throw new Error('fixtures not created');
    const runs = await sql<{ id: string }[]>`
      insert into runs (workspace_id, journey_id, version_id, contact_id, workflow_id, status)
      select ${ids.workspace}, ${ids.journey}, ${ids.version}, ${ids.contact}, 'wf-' || n, 'completed'
      from generate_series(1, 3) n returning id`;
    const [first, second] = runs;
    let releaseFirst = () => {};
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstDeleted = () => {};
    const deleted = new Promise<void>((resolve) => {
      firstDeleted = resolve;
    });
    const a = sql.begin(async (tx) => {
      await tx`delete from runs where id = ${first?.id as string}`;
      firstDeleted();
      await firstHolds;
    });
    await deleted;
    const b = sql.begin(async (tx) => {
      await tx`delete from runs where id = ${second?.id as string}`;
    });
    await new Promise((r) => setTimeout(r, 300));
    releaseFirst();
    await expect(Promise.all([a, b])).resolves.toBeDefined();
    const [rollup] = await sql<{ entered: number }[]>`
      select sum(entered)::int as entered from analytics_runs_hourly where journey_id = ${ids.journey}`;
    expect(rollup?.entered).toBe(1);
  });
});
