import { createRutaWorker, type RutaWorker, workspaceRegistry } from '@ruta/engine';
import {
  createLogger,
  createSecretBox,
  generateSecretsKey,
  type OutboundPolicy,
  type ProviderApiUrls,
  STRICT_OUTBOUND,
  TEMPORAL_CHANNEL_ARGS,
} from '@ruta/platform';
import { harness, type TestDatabase, testDatabase, uniqueName } from '@ruta/platform/testing';
import type { Role } from '@ruta/shared';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../app';
import { createApiKeyCache, listenForRevocations } from '../auth/api-key-cache';
import { hashPassword } from '../auth/passwords';
import { createSession } from '../auth/sessions';
import { startBackgroundWork } from '../background';
import { seedDemoWorkspace } from '../seed';

export const TEST_PASSWORD = 'correct horse battery';

export interface ApiHarnessOptions {
  /** Where the API (not the worker) reaches Temporal: a proxy, to take Temporal away from it. */
  apiTemporalAddress?: string;
  /** The outbound guard's server settings for the worker and the API (default: nothing private). */
  outbound?: OutboundPolicy;
  /** Where providers' APIs are (local fakes); unset = the official hosts. */
  providerApiUrls?: ProviderApiUrls;
}

/**
 * The API as `app.request()` sees it, over a fresh database and a real worker on the run's
 * Temporal dev server. `call()` authenticates with the seeded workspace's API key by default.
 */
export async function startApiHarness(options: ApiHarnessOptions = {}) {
  const outbound = options.outbound ?? STRICT_OUTBOUND;
  const db: TestDatabase = await testDatabase();
  const taskQueue = uniqueName('api');
  const log = createLogger('test', 'warn');
  const connection = await Connection.connect({
    address: options.apiTemporalAddress ?? harness().temporalAddress,
    channelArgs: TEMPORAL_CHANNEL_ARGS,
  });
  const temporal = new Client({ connection });
  const secrets = createSecretBox(generateSecretsKey());
  const publicUrl = 'http://localhost';
  // The worker sends through the workspace's configured channels (the sandbox when none), as in production.
  const providers = workspaceRegistry({
    sql: db.sql,
    log,
    box: secrets,
    publicUrl,
    outbound,
    apiUrls: options.providerApiUrls,
  });
  const worker: RutaWorker = await createRutaWorker({
    temporalAddress: harness().temporalAddress,
    namespace: 'default',
    taskQueue,
    sql: db.sql,
    log,
    activityDeps: {
      providers,
      outbound,
      box: secrets,
      tiendanubeApiUrl: options.providerApiUrls?.tiendanube,
    },
  });
  void worker.run();
  const apiKey = `ruta_test_${taskQueue}`;
  const seed = await seedDemoWorkspace(db.sql, {
    RUTA_ADMIN_PASSWORD: TEST_PASSWORD,
    RUTA_API_KEY: apiKey,
  });
  const appDeps = {
    sql: db.sql,
    temporal,
    log,
    secrets,
    config: {
      taskQueue,
      temporalNamespace: 'default',
      temporalUiUrl: 'http://127.0.0.1:8233',
      publicUrl,
      workflowIdPrefix: `${taskQueue}/`,
      outbound,
      providerApiUrls: options.providerApiUrls,
      // Tests say where a request comes from with X-Forwarded-For.
      trustProxy: true,
    },
  };
  const app = createApp(appDeps);
  // The outbox dispatcher, as the API process runs it (what a request could not deliver).
  const background = startBackgroundWork(appDeps, { intervalMs: 250 });

  /**
   * The same API as another process would run it (its own API key cache, listening for
   * revocations as server-main does), over the same database.
   */
  async function anotherApiProcess() {
    const apiKeyCache = createApiKeyCache();
    const listening = await listenForRevocations(db.sql, apiKeyCache);
    return { app: createApp({ ...appDeps, apiKeyCache }), stop: listening.unlisten };
  }

  let testPasswordHash: Promise<string> | undefined;
  /**
   * A member of the seeded workspace with this role (password TEST_PASSWORD) and a session cookie
   * made directly (no login: logins are throttled and cost a full password hash).
   */
  async function member(role: Role, email = `${role}-${uniqueName('m')}@tienda.mx`) {
    testPasswordHash ??= hashPassword(TEST_PASSWORD);
    const [user] = await db.sql<{ id: string }[]>`
      insert into users (email, name, password_hash)
      values (${email.toLowerCase()}, ${role}, ${await testPasswordHash}) returning id`;
    const userId = (user as { id: string }).id;
    await db.sql`insert into workspace_members (workspace_id, user_id, role) values (${seed.workspaceId}, ${userId}, ${role})`;
    return { userId, email: email.toLowerCase(), cookie: await sessionCookie(userId) };
  }

  /** A fresh session cookie for a member of the seeded workspace. */
  async function sessionCookie(userId: string): Promise<string> {
    return `ruta_session=${await createSession(db.sql, userId, seed.workspaceId)}`;
  }

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    options: { key?: string | null; cookie?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.cookie) headers.cookie = options.cookie;
    else if (options.key !== null) headers.authorization = `Bearer ${options.key ?? apiKey}`;
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await app.request(path, {
      method,
      headers,
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async function eventually<T>(
    fn: () => Promise<T | undefined | false>,
    timeoutMs = 20_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await fn();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  return {
    app,
    db,
    sql: db.sql,
    temporal,
    taskQueue,
    apiKey,
    secrets,
    publicUrl,
    workspaceId: seed.workspaceId,
    adminEmail: seed.adminEmail,
    call,
    eventually,
    background,
    member,
    sessionCookie,
    anotherApiProcess,
    async stop() {
      await background.stop();
      await worker.shutdown();
      await providers.close();
      await connection.close();
      await db.drop();
    },
  };
}

export type ApiHarness = Awaited<ReturnType<typeof startApiHarness>>;
