import type { Logger, Sql } from '@ruta/platform';
import type { ProviderRegistry } from '../channels/provider';
import type { EnrollmentTarget } from '../enrollment/enroll';
import type { WebhookGuardOptions } from './webhook-guard';

/** What activities need from the outside world; tests pass real ones (a real database). */
export interface ActivityDeps {
  sql: Sql;
  log: Logger;
  workerIdentity: string;
  providers: ProviderRegistry;
  /** Where sweeps enroll contacts (the worker's own Temporal client and task queue). */
  enrollment: EnrollmentTarget;
  webhookGuard?: WebhookGuardOptions;
  /** Test hook: runs after a provider accepted a message and before Ruta records it. */
  afterProviderAccepted?: (messageId: string) => void | Promise<void>;
}
