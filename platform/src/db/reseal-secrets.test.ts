import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSecretBox, generateSecretsKey } from '../secrets';
import { type TestDatabase, testDatabase } from '../testing/index';
import { sealV1 } from '../testing/legacy-seal';
import { resealChannelSecrets } from './reseal-secrets';

let db: TestDatabase;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db?.drop());

test('old secrets are re-sealed once, bound to their channel; a copy elsewhere no longer opens', async () => {
  const { sql } = db;
  const rawKey = generateSecretsKey();
  const box = createSecretBox(rawKey);
  const [workspace] = await sql<{ id: string }[]>`
    insert into workspaces (name) values ('Tienda') returning id`;
  const workspaceId = workspace?.id ?? '';
  const channel = async (name: string, secrets: string | null) => {
    const [row] = await sql<{ id: string }[]>`
      insert into channels (workspace_id, provider, name, config, secrets, secret_fields, carries)
      values (${workspaceId}, 'twilio', ${name}, ${sql.json({ from: '+5215550001111' })}, ${secrets},
              ${secrets ? ['authToken'] : []}, '{sms}')
      returning id`;
    return row?.id ?? '';
  };
  const old = sealV1(rawKey, { authToken: 'twilio-auth-token-0001' });
  const a = await channel('A', old);
  const b = await channel('B', sealV1(rawKey, { authToken: 'twilio-auth-token-0002' }));
  const broken = await channel('Clave vieja', sealV1(generateSecretsKey(), { authToken: 'x' }));
  const plain = await channel('Sin secretos', null);

  expect(await resealChannelSecrets(sql, box)).toEqual({ resealed: 2, failed: 1 });
  const stored = async (id: string) =>
    (await sql<{ secrets: string | null }[]>`select secrets from channels where id = ${id}`)[0]
      ?.secrets;
  const sealedA = (await stored(a)) ?? '';
  expect(sealedA.startsWith('v2.')).toBe(true);
  expect(box.decrypt(sealedA, { workspaceId, channelId: a })).toEqual({
    authToken: 'twilio-auth-token-0001',
  });
  // Copied onto channel B, A's secrets do not open for B.
  expect(() => box.decrypt(sealedA, { workspaceId, channelId: b })).toThrow(/another channel/);
  expect((await stored(broken))?.startsWith('v1.')).toBe(true); // left for the operator, logged
  expect(await stored(plain)).toBeNull();

  // Idempotent: a second start changes nothing.
  expect(await resealChannelSecrets(sql, box)).toEqual({ resealed: 0, failed: 1 });
  expect(await stored(a)).toBe(sealedA);
});
