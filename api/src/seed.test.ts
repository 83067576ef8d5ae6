import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@ruta/platform';
import { type TestDatabase, testDatabase } from '@ruta/platform/testing';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { announceDemoCredentials, SeedConfigError, seedDemoWorkspace } from './seed';

let db: TestDatabase;
beforeEach(async () => {
  db = await testDatabase();
});
afterEach(() => db?.drop());

/** A logger whose every line is kept, to read what an operator's log would show. */
function capturedLog() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('api', 'trace', sink), text: () => lines.join('') };
}

describe('first start', () => {
  test('outside `npm start`, without the owner settings, it refuses with a message naming them', async () => {
    const refused = seedDemoWorkspace(db.sql, {}, { generateMissing: false });
    await expect(refused).rejects.toThrow(SeedConfigError);
    await expect(refused).rejects.toThrow(/RUTA_ADMIN_EMAIL and RUTA_ADMIN_PASSWORD/);
    await expect(
      seedDemoWorkspace(
        db.sql,
        { RUTA_ADMIN_EMAIL: 'duena@tienda.mx', RUTA_ADMIN_PASSWORD: 'corta' },
        { generateMissing: false },
      ),
    ).rejects.toThrow(/at least 10 characters/);
    const [count] = await db.sql`select count(*)::int as n from workspaces`;
    expect(count?.n).toBe(0);
  });

  test('with them it creates the owner and no API key unless RUTA_API_KEY is set; nothing secret is logged', async () => {
    const seeded = await seedDemoWorkspace(
      db.sql,
      { RUTA_ADMIN_EMAIL: 'Duena@Tienda.mx', RUTA_ADMIN_PASSWORD: 'una clave de producción' },
      { generateMissing: false },
    );
    expect(seeded).toMatchObject({ created: true, adminEmail: 'duena@tienda.mx' });
    expect(seeded.adminPassword).toBeUndefined();
    expect(seeded.apiKey).toBeUndefined();
    const [member] = await db.sql`select role from workspace_members`;
    expect(member?.role).toBe('owner');
    const keys = await db.sql`select 1 from api_keys`;
    expect(keys).toHaveLength(0);
    const { log, text } = capturedLog();
    await announceDemoCredentials(seeded, log);
    expect(text()).toContain('duena@tienda.mx');
    expect(text()).not.toContain('una clave de producción');
  });

  test('under `npm start` the generated password and key go to a 0600 file for the banner, never to the log', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ruta-seed-'));
    const file = path.join(dir, 'demo-credentials.json');
    process.env.RUTA_DEMO_CREDENTIALS_FILE = file;
    try {
      const seeded = await seedDemoWorkspace(db.sql, {}, { generateMissing: true });
      expect(seeded.adminPassword).toMatch(/^[\w-]{16}$/);
      expect(seeded.apiKey).toMatch(/^ruta_/);
      const { log, text } = capturedLog();
      await announceDemoCredentials(seeded, log);
      const written = JSON.parse(await readFile(file, 'utf8'));
      expect(written).toEqual({
        adminEmail: 'demo@ruta.local',
        adminPassword: seeded.adminPassword,
        apiKey: seeded.apiKey,
      });
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(text()).not.toContain(seeded.adminPassword);
      expect(text()).not.toContain(seeded.apiKey);
    } finally {
      delete process.env.RUTA_DEMO_CREDENTIALS_FILE;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
