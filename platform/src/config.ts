import { existsSync } from 'node:fs';
import path from 'node:path';
import type { OutboundPolicy } from './net/outbound-policy';

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
  /** Every connection Ruta makes for a tenant: RUTA_OUTBOUND_ALLOW, RUTA_SMTP_ALLOW_PLAIN. */
  outbound: OutboundPolicy;
  /** Provider API base URLs (server settings, never tenant settings); unset = the official hosts. */
  providerApiUrls: ProviderApiUrls;
  /** Behind a reverse proxy: the client address is the last `X-Forwarded-For` entry (RUTA_TRUST_PROXY). */
  trustProxy: boolean;
  production: boolean;
}

export interface ProviderApiUrls {
  /** RUTA_WHATSAPP_API_URL: default https://graph.facebook.com. */
  whatsapp?: string;
  /** RUTA_TWILIO_API_URL: default https://api.twilio.com. */
  twilio?: string;
  /** RUTA_TIENDANUBE_API_URL: default https://api.tiendanube.com (stores read by their sources). */
  tiendanube?: string;
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

function booleanSetting(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw || raw === 'false' || raw === '0' || raw === 'no') return false;
  if (raw === 'true' || raw === '1' || raw === 'yes') return true;
  throw new ConfigError(`${name}="${env[name]}" must be true or false.`);
}

function urlSetting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = stringSetting(env, name);
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new ConfigError(`${name}="${raw}" must be an http(s) URL.`);
  return raw.replace(/\/+$/, '');
}

/**
 * The outbound guard's server settings. RUTA_OUTBOUND_ALLOW lists host names, addresses or CIDR
 * ranges Ruta may reach although they are private (local fakes, a self-hosted gateway);
 * RUTA_WEBHOOK_ALLOW is its former name, read when the new one is unset.
 */
export function outboundPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): OutboundPolicy {
  const allow =
    stringSetting(env, 'RUTA_OUTBOUND_ALLOW') ?? stringSetting(env, 'RUTA_WEBHOOK_ALLOW');
  return {
    allow: (allow ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    allowPlainSmtp: booleanSetting(env, 'RUTA_SMTP_ALLOW_PLAIN'),
  };
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
    outbound: outboundPolicyFromEnv(env),
    providerApiUrls: {
      whatsapp: urlSetting(env, 'RUTA_WHATSAPP_API_URL'),
      twilio: urlSetting(env, 'RUTA_TWILIO_API_URL'),
      tiendanube: urlSetting(env, 'RUTA_TIENDANUBE_API_URL'),
    },
    trustProxy: /^(1|true|yes)$/i.test(stringSetting(env, 'RUTA_TRUST_PROXY') ?? ''),
    production: env.NODE_ENV === 'production',
  };
}
