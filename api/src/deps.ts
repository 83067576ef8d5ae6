import type { EnrollmentTarget } from '@ruta/engine';
import type {
  Logger,
  OutboundPolicy,
  ProviderApiUrls,
  RutaConfig,
  SecretBox,
  Sql,
} from '@ruta/platform';
import type { Client } from '@temporalio/client';

/** Everything the HTTP app needs; tests build it with a real database and a real Temporal client. */
export interface AppDeps {
  sql: Sql;
  temporal: Client;
  config: Pick<RutaConfig, 'taskQueue' | 'temporalNamespace' | 'temporalUiUrl' | 'publicUrl'> & {
    /** Prefix of every workflow id (tests isolate themselves with it). */
    workflowIdPrefix?: string;
    /** Origin allowed by CORS (the editor when served elsewhere, e.g. Vite's dev server). */
    editorOrigin?: string;
    /** Cookies need `Secure` behind HTTPS. */
    secureCookies?: boolean;
    /** POST /api/events requests per second per workspace (RUTA_INGEST_RATE, RUTA_INGEST_BURST). */
    ingestRate?: { perSecond: number; burst: number };
    /** The outbound guard's server settings (template sync); unset = nothing private allowed. */
    outbound?: OutboundPolicy;
    /** Provider API base URLs (RUTA_WHATSAPP_API_URL, …); unset = the official hosts. */
    providerApiUrls?: ProviderApiUrls;
  };
  log: Logger;
  /** Seals channel credentials and signs email tracking links (from RUTA_SECRETS_KEY). */
  secrets?: SecretBox;
  /** Folder of the built editor to serve at `/`; omitted in API-only tests. */
  editorDist?: string;
}

export interface AuthContext {
  workspaceId: string;
  userId?: string;
  via: 'session' | 'api_key';
}

export type AppEnv = { Variables: { deps: AppDeps; auth: AuthContext } };

export function enrollmentTarget(deps: AppDeps): EnrollmentTarget {
  return {
    sql: deps.sql,
    temporal: deps.temporal,
    taskQueue: deps.config.taskQueue,
    workflowIdPrefix: deps.config.workflowIdPrefix,
  };
}
