import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Logger, Sql } from '@ruta/platform';
import { apiKeyPrefix, generateApiKey, hashApiKey } from './auth/api-keys';
import { hashPassword } from './auth/passwords';

export interface SeedResult {
  created: boolean;
  workspaceId: string;
  adminEmail: string;
  /** Only when created now: the plaintext is never stored. */
  adminPassword?: string;
  apiKey?: string;
}

export const DEMO_ADMIN_EMAIL = 'demo@ruta.local';

/**
 * On the first start (no workspace yet) creates the demo workspace, its admin and an API key.
 * RUTA_ADMIN_EMAIL, RUTA_ADMIN_PASSWORD and RUTA_API_KEY, when set, are used instead of generated ones.
 */
export async function seedDemoWorkspace(sql: Sql, env: NodeJS.ProcessEnv): Promise<SeedResult> {
  const adminEmail = env.RUTA_ADMIN_EMAIL?.trim().toLowerCase() || DEMO_ADMIN_EMAIL;
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(7353001)`;
    const [existing] = await tx`select id from workspaces order by created_at limit 1`;
    if (existing) return { created: false, workspaceId: existing.id as string, adminEmail };
    const adminPassword = env.RUTA_ADMIN_PASSWORD || randomBytes(9).toString('base64url');
    const apiKey = env.RUTA_API_KEY || generateApiKey();
    const [workspace] = await tx`insert into workspaces (name) values ('Demo') returning id`;
    const [user] = await tx`
      insert into users (email, name, password_hash)
      values (${adminEmail}, 'Demo admin', ${await hashPassword(adminPassword)})
      returning id`;
    await tx`insert into workspace_members (workspace_id, user_id, role) values (${workspace?.id}, ${user?.id}, 'admin')`;
    await tx`
      insert into api_keys (workspace_id, name, prefix, key_hash)
      values (${workspace?.id}, 'Demo key', ${apiKeyPrefix(apiKey)}, ${hashApiKey(apiKey)})`;
    return {
      created: true,
      workspaceId: workspace?.id as string,
      adminEmail,
      adminPassword,
      apiKey,
    };
  });
}

/**
 * The demo login is shown once: written to RUTA_DEMO_CREDENTIALS_FILE for the start command's banner
 * (local runs), otherwise logged once so an operator can copy it.
 */
export async function announceDemoCredentials(seed: SeedResult, log: Logger): Promise<void> {
  const file = process.env.RUTA_DEMO_CREDENTIALS_FILE;
  const credentials = {
    adminEmail: seed.adminEmail,
    adminPassword: seed.adminPassword,
    apiKey: seed.apiKey,
  };
  if (file) {
    await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
    log.info({ email: seed.adminEmail }, 'demo workspace created');
  } else {
    log.warn(
      credentials,
      'demo workspace created: store this admin password and API key now, they are not shown again',
    );
  }
}
