import { afterAll, beforeAll, expect, test } from 'vitest';
import { type TestDatabase, testDatabase } from '../testing/index';
import { migrate } from './migrate';

let db: TestDatabase;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db?.drop());

test('migration 0008 drops the provider base URL a channel stored, keeping the rest', async () => {
  const { sql } = db;
  const [workspace] = await sql<{ id: string }[]>`
    insert into workspaces (name) values ('Tienda') returning id`;
  const [channel] = await sql<{ id: string }[]>`
    insert into channels (workspace_id, provider, name, config, carries)
    values (${workspace?.id ?? ''}, 'twilio', 'SMS',
            ${sql.json({ from: '+5215550001111', apiBaseUrl: 'http://169.254.169.254' })}, '{sms}')
    returning id`;
  // Replay 0008 as a database that stored such a config before it would run it.
  await sql`delete from schema_migrations where name = '0008_channel_server_settings.sql'`;
  expect(await migrate(sql)).toEqual(['0008_channel_server_settings.sql']);
  const [after] = await sql<{ config: Record<string, unknown> }[]>`
    select config from channels where id = ${channel?.id ?? ''}`;
  expect(after?.config).toEqual({ from: '+5215550001111' });
});
