import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import {
  createLogger,
  createSecretBox,
  createSql,
  loadConfig,
  loadEnvFile,
  migrate,
  resealChannelSecrets,
  TEMPORAL_CHANNEL_ARGS,
} from '@ruta/platform';
import { Client, Connection } from '@temporalio/client';
import { createApp } from './app';
import { createApiKeyCache, listenForRevocations } from './auth/api-key-cache';
import { startBackgroundWork } from './background';
import { startHousekeeping } from './housekeeping';
import { ensurePilotWatches } from './journeys/pilot-watch';
import { announceDemoCredentials, seedDemoWorkspace } from './seed';

/** The API process (serves the built editor too): `node --import tsx api/src/server-main.ts`. */
async function main() {
  loadEnvFile();
  const config = loadConfig();
  const log = createLogger('api', config.logLevel);
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the API.');
  if (!config.temporalAddress) throw new Error('TEMPORAL_ADDRESS is required for the API.');
  const sql = createSql(config.databaseUrl, {
    max: Number(process.env.RUTA_API_DB_POOL ?? 20),
    // While PostgreSQL is down a request answers 503 at once instead of waiting 30 s for it.
    connectTimeout: 2,
  });
  await migrate(sql, log);
  const secrets = config.secretsKey ? createSecretBox(config.secretsKey) : undefined;
  if (secrets) await resealChannelSecrets(sql, secrets, log);
  // Only `npm start` (which sets the credentials file and prints it) may generate credentials.
  const seeded = await seedDemoWorkspace(sql, process.env, {
    generateMissing: Boolean(process.env.RUTA_DEMO_CREDENTIALS_FILE),
  });
  if (seeded.created) await announceDemoCredentials(seeded, log);
  const apiKeyCache = createApiKeyCache();
  await listenForRevocations(sql, apiKeyCache, log);
  const housekeeping = startHousekeeping(sql, log);
  const connection = Connection.lazy({
    address: config.temporalAddress,
    channelArgs: TEMPORAL_CHANNEL_ARGS,
  });
  const temporal = new Client({ connection, namespace: config.temporalNamespace });
  const editorDist =
    process.env.RUTA_EDITOR_DIST ?? fileURLToPath(new URL('../../editor/dist', import.meta.url));
  if (!secrets) log.warn('RUTA_SECRETS_KEY is not set: channels with credentials cannot be added');
  const deps = { sql, temporal, config, log, editorDist, secrets, apiKeyCache };
  const app = createApp(deps);
  const background = startBackgroundWork(deps);
  ensurePilotWatches(deps).catch((error) => log.warn({ err: error }, 'pilot watches not checked'));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
    log.info({ port: info.port }, 'API listening'),
  );
  const stop = () => {
    housekeeping.stop();
    server.close(async () => {
      await background.stop();
      await sql.end({ timeout: 5 });
      await connection.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
