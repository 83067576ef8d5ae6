import { afterAll, beforeAll, expect, test } from 'vitest';
import { type TestDatabase, testDatabase } from '../testing/index';

/**
 * The messages rollup (`analytics_messages_hourly`, kept by a statement trigger) must equal what
 * the KPI page would count from `messages` itself, whatever the sequence of inserts and updates:
 * batches, one row at a time, statuses moving forward, a failure, a content-only refresh, and a
 * preview run that never counts.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db?.drop());

test('the rollup equals a count from the messages table after inserts and updates', async () => {
  const { sql } = db;
  const [ids] = await sql<{ workspace: string; journey: string; version: string }[]>`
    with w as (insert into workspaces (name) values ('w') returning id),
    j as (insert into journeys (workspace_id, name, draft) select id, 'j', '{}' from w returning id, workspace_id),
    v as (insert into journey_versions (journey_id, version, definition) select id, 1, '{}' from j returning id)
    select (select id from w) as workspace, (select id from j) as journey, (select id from v) as version`;
  if (!ids) throw new Error('fixtures not created');
  const runs = await sql<{ id: string; contact_id: string; preview: boolean }[]>`
    with c as (
      insert into contacts (workspace_id) select ${ids.workspace} from generate_series(1, 12) returning id
    )
    insert into runs (workspace_id, journey_id, version_id, contact_id, workflow_id, status, preview)
    select ${ids.workspace}, ${ids.journey}, ${ids.version}, c.id, 'wf-' || c.id,
           'active', row_number() over () = 12
    from c returning id, contact_id, preview`;
  const message = (run: (typeof runs)[number], node: string, channel: string) => ({
    workspace_id: ids.workspace,
    run_id: run.id,
    journey_id: ids.journey,
    node_id: node,
    contact_id: run.contact_id,
    channel,
    idempotency_key: `${run.id}:${node}:${channel}`,
    provider: 'sandbox',
    format: channel === 'sms' ? 'sms' : 'whatsapp_template',
    content: sql.json({ body: 'Hola' }),
  });
  // A batch (several rows in one statement), then single rows as the send activity writes them.
  await sql`insert into messages ${sql(runs.slice(0, 6).map((r) => message(r, 'send_1', 'whatsapp')))}`;
  for (const run of runs.slice(6))
    await sql`insert into messages ${sql(message(run, 'send_1', 'whatsapp'))}`;
  for (const run of runs.slice(0, 4))
    await sql`insert into messages ${sql(message(run, 'send_2', 'sms'))}`;

  // Sent, in one statement and one at a time; then delivered, read, a reply, a click; one failure.
  await sql`update messages set status = 'sent', sent_at = now(), cost = 0.0436
            where node_id = 'send_1' and run_id = any(${runs.slice(0, 8).map((r) => r.id)})`;
  for (const run of runs.slice(8))
    await sql`update messages set status = 'sent', sent_at = now(), cost = 0.01 where run_id = ${run.id}`;
  await sql`update messages set status = 'delivered', delivered_at = now() where node_id = 'send_1'`;
  await sql`update messages set status = 'read', read_at = now() where node_id = 'send_1' and run_id = ${runs[0]?.id as string}`;
  await sql`update messages set replied_at = now(), clicked_at = now() where run_id = ${runs[1]?.id as string}`;
  await sql`update messages set status = 'failed', error = 'x' where node_id = 'send_2' and run_id = ${runs[2]?.id as string}`;
  // A content refresh moves nothing; a cost correction moves only the cost.
  await sql`update messages set content = ${sql.json({ body: 'Hola otra vez' })} where node_id = 'send_1'`;
  await sql`update messages set cost = 0.05 where node_id = 'send_1' and run_id = ${runs[3]?.id as string}`;

  const rollup = await sql`
    select node_id, channel, sum(sent)::int as sent, sum(delivered)::int as delivered,
           sum(read)::int as read, sum(clicked)::int as clicked, sum(replied)::int as replied,
           sum(failed)::int as failed, sum(cost)::numeric(12, 5) as cost
    from analytics_messages_hourly where journey_id = ${ids.journey}
    group by 1, 2 order by 1, 2`;
  const counted = await sql`
    select m.node_id, m.channel, count(m.sent_at)::int as sent, count(m.delivered_at)::int as delivered,
           count(m.read_at)::int as read, count(m.clicked_at)::int as clicked,
           count(m.replied_at)::int as replied, count(*) filter (where m.status = 'failed')::int as failed,
           coalesce(sum(m.cost) filter (where m.sent_at is not null), 0)::numeric(12, 5) as cost
    from messages m join runs r on r.id = m.run_id
    where m.journey_id = ${ids.journey} and not r.preview
    group by 1, 2 order by 1, 2`;
  expect(rollup).toEqual(counted);
  // And what that is, so a rollup and a count that are both empty cannot pass.
  expect(counted.map((row) => [row.node_id, row.sent, row.delivered, row.failed])).toEqual([
    ['send_1', 11, 11, 0],
    ['send_2', 0, 0, 1],
  ]);
});
