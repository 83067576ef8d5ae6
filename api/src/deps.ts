import type { Logger, RutaConfig, Sql } from '@ruta/platform';
import type { Client } from '@temporalio/client';

/** Everything the HTTP app needs; tests build it with a real database and a real Temporal client. */
export interface AppDeps {
  sql: Sql;
  temporal: Client;
  config: Pick<RutaConfig, 'taskQueue' | 'temporalNamespace' | 'temporalUiUrl' | 'publicUrl'>;
  log: Logger;
  /** Folder of the built editor to serve at `/`; omitted in API-only tests. */
  editorDist?: string;
}

export type AppEnv = { Variables: { deps: AppDeps } };
