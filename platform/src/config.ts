import { existsSync } from 'node:fs';
import path from 'node:path';

/** Everything Ruta reads from the environment, in one place. */
export interface RutaConfig {
  /** API and editor, one port. */
  port: number;
  host: string;
  /** The folder for the embedded PostgreSQL cluster and the Temporal dev server's SQLite file. */
  dataDir: string;
  /** External PostgreSQL; when unset the embedded one is started. */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number;
  /** Existing Temporal server; when unset a dev server is started. */
  temporalAddress: string | undefined;
  temporalPort: number;
  temporalUiPort: number;
  temporalNamespace: string;
  temporalUiUrl: string | undefined;
  taskQueue: string;
  logLevel: string;
  publicUrl: string;
  /** An extra origin allowed to call the API with credentials (the editor served elsewhere). */
  editorOrigin: string | undefined;
  ingestRate: { perSecond: number; burst: number };
  /** Seals channel credentials and signs email links (RUTA_SECRETS_KEY); the launcher makes one for development. */
  secretsKey: string | undefined;
  /** Behind a reverse proxy: the client address is the last `X-Forwarded-For` entry (RUTA_TRUST_PROXY). */
  trustProxy: boolean;
  production: boolean;
}

export class ConfigError extends Error {}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name}="${raw}" is not a valid port number (0–65535).`);
  }
  return value;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new ConfigError(`${name}="${raw}" must be a positive number.`);
  return value;
}

function stringSetting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

/** Reads `.env` (if present) into process.env without overriding variables already set. */
export function loadEnvFile(file = path.resolve(process.cwd(), '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RutaConfig {
  const port = intSetting(env, 'RUTA_PORT', 3000);
  const host = stringSetting(env, 'RUTA_HOST') ?? '127.0.0.1';
  const temporalPort = intSetting(env, 'TEMPORAL_PORT', 7233);
  const temporalUiPort = intSetting(env, 'TEMPORAL_UI_PORT', 8233);
  const temporalAddress = stringSetting(env, 'TEMPORAL_ADDRESS');
  return {
    port,
    host,
    dataDir: path.resolve(stringSetting(env, 'RUTA_DATA_DIR') ?? '.ruta-data'),
    databaseUrl: stringSetting(env, 'DATABASE_URL'),
    embeddedPostgresPort: intSetting(env, 'RUTA_EMBEDDED_PG_PORT', 54329),
    temporalAddress,
    temporalPort,
    temporalUiPort,
    temporalNamespace: stringSetting(env, 'TEMPORAL_NAMESPACE') ?? 'default',
    temporalUiUrl:
      stringSetting(env, 'TEMPORAL_UI_URL') ??
      (temporalAddress ? undefined : `http://127.0.0.1:${temporalUiPort}`),
    taskQueue: stringSetting(env, 'RUTA_TASK_QUEUE') ?? 'ruta-journeys',
    logLevel: stringSetting(env, 'LOG_LEVEL') ?? 'info',
    publicUrl: stringSetting(env, 'RUTA_PUBLIC_URL') ?? `http://localhost:${port}`,
    editorOrigin: stringSetting(env, 'RUTA_EDITOR_ORIGIN'),
    ingestRate: {
      perSecond: positiveNumber(env, 'RUTA_INGEST_RATE', 100),
      burst: positiveNumber(env, 'RUTA_INGEST_BURST', 500),
    },
    secretsKey: stringSetting(env, 'RUTA_SECRETS_KEY'),
    trustProxy: /^(1|true|yes)$/i.test(stringSetting(env, 'RUTA_TRUST_PROXY') ?? ''),
    production: env.NODE_ENV === 'production',
  };
}
