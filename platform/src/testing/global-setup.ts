import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createSql, databaseName, migrate, startEmbeddedPostgres, withDatabase } from '../db/index';
import { createLogger } from '../logger';
import { freePort } from '../ports';
import { provisionTemporalCli, startTemporalDevServer } from '../temporal/index';
import type { HarnessInfo } from './harness-info';
import { TEST_DATABASE_PREFIX } from './test-database';

/**
 * One Temporal dev server and one PostgreSQL for the whole test run. Suites isolate themselves
 * with their own database (copied from a migrated template) and their own task queue.
 * DATABASE_URL selects an existing PostgreSQL server instead of the embedded one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = createLogger('test-harness', process.env.LOG_LEVEL ?? 'warn');
  const cleanups: Array<() => Promise<unknown>> = [];
  let temporalReady: Promise<void> = Promise.resolve();
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    let temporalAddress = process.env.RUTA_TEST_TEMPORAL_ADDRESS;
    let temporalCliPath: string | undefined;
    temporalReady = (async () => {
      if (temporalAddress) return;
      temporalCliPath = await provisionTemporalCli(log);
      const server = await startTemporalDevServer(
        { cliPath: temporalCliPath, port: await freePort() },
        log,
      );
      cleanups.push(() => server.stop());
      temporalAddress = server.address;
    })();

    let serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ruta-test-pg-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const pg = await startEmbeddedPostgres({ dataDir, port: await freePort() }, log);
      cleanups.push(() => pg.stop());
      serverUrl = pg.url;
    }
    const templateDatabase = `${TEST_DATABASE_PREFIX}template_${process.pid}`;
    const admin = createSql(withDatabase(serverUrl, 'postgres'), { max: 1 });
    await admin.unsafe(`drop database if exists "${templateDatabase}"`);
    await admin.unsafe(`create database "${templateDatabase}"`);
    const template = createSql(withDatabase(serverUrl, templateDatabase), { max: 1 });
    await migrate(template);
    await template.end();
    cleanups.push(async () => {
      const leftovers = await admin`
        select datname from pg_database
        where datname like ${`${TEST_DATABASE_PREFIX}%`} and datname <> ${databaseName(serverUrl)}`;
      for (const { datname } of leftovers) {
        await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      }
      await admin.end();
    });

    await temporalReady;
    const info: HarnessInfo = {
      temporalAddress: temporalAddress as string,
      serverUrl,
      templateDatabase,
      temporalCliPath,
    };
    project.provide('ruta', info);
    return stopAll;
  } catch (error) {
    await temporalReady.catch(() => {}); // so a server still starting is stopped too
    await stopAll();
    throw error;
  }
}
