import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database';

export type { HarnessInfo } from './harness-info';
export { startTcpProxy, type TcpProxy } from './tcp-proxy';
export type { TestDatabase } from './test-database';

/** The run's shared Temporal server and PostgreSQL (see global-setup.ts). */
export function harness() {
  return inject('ruta');
}

/** A fresh migrated database for this suite. */
export function testDatabase(): Promise<TestDatabase> {
  const { serverUrl, templateDatabase } = harness();
  return createTestDatabase(serverUrl, templateDatabase);
}

/** A task queue (and workflow-id prefix) no other suite uses. */
export function uniqueName(label: string): string {
  return `test-${label}-${randomBytes(4).toString('hex')}`;
}
