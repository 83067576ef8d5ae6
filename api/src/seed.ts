import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Logger, Sql } from '@ruta/platform';
import { apiKeyPrefix, generateApiKey, hashApiKey } from './auth/api-keys';
import { hashPassword, MIN_PASSWORD_LENGTH } from './auth/passwords';

export interface SeedResult {
  created: boolean;
  workspaceId: string;
  adminEmail: string;
  /** Only what was generated now (never what came from the environment); never stored in plaintext. */
  adminPassword?: string;
  apiKey?: string;
}

export interface SeedOptions {
  /**
   * Make up the owner's password and an API key when the environment gives none. Only `npm start`
   * does (its launcher prints them); any other first start must set them.
   */
  generateMissing: boolean;
}

export const DEMO_ADMIN_EMAIL = 'demo@ruta.local';

/** A first start that cannot create the owner: the message says which variables to set. */
export class SeedConfigError extends Error {}

function requireOwnerSettings(env: NodeJS.ProcessEnv) {
  const missing = ['RUTA_ADMIN_EMAIL', 'RUTA_ADMIN_PASSWORD'].filter((name) => !env[name]?.trim());
  if (missing.length > 0)
    throw new SeedConfigError(
      `First start: set ${missing.join(' and ')} so Ruta can create the workspace owner (credentials are never generated into a production log). Optionally set RUTA_API_KEY for a first API key; more keys and members are added on the "Team and access" page.`,
    );
  if ((env.RUTA_ADMIN_PASSWORD ?? '').length < MIN_PASSWORD_LENGTH)
    throw new SeedConfigError(
      `RUTA_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters.`,
    );
}

/**
 * On the first start (no workspace yet) creates the workspace, its owner and — when
 * RUTA_API_KEY is set, or under `npm start` — an API key. RUTA_ADMIN_EMAIL, RUTA_ADMIN_PASSWORD and
 * RUTA_API_KEY, when set, are used instead of generated ones.
 */
export async function seedDemoWorkspace(
  sql: Sql,
  env: NodeJS.ProcessEnv,
  options: SeedOptions = { generateMissing: true },
): Promise<SeedResult> {
  const adminEmail = env.RUTA_ADMIN_EMAIL?.trim().toLowerCase() || DEMO_ADMIN_EMAIL;
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(7353001)`;
    const [existing] = await tx`select id from workspaces order by created_at limit 1`;
    if (existing) return { created: false, workspaceId: existing.id as string, adminEmail };
    if (!options.generateMissing) requireOwnerSettings(env);
    const generatedPassword = env.RUTA_ADMIN_PASSWORD
      ? undefined
      : randomBytes(12).toString('base64url');
    const generatedKey =
      env.RUTA_API_KEY || !options.generateMissing ? undefined : generateApiKey();
    const password = env.RUTA_ADMIN_PASSWORD || (generatedPassword as string);
    const apiKey = env.RUTA_API_KEY || generatedKey;
    const [workspace] = await tx`insert into workspaces (name) values ('Demo') returning id`;
    const [user] = await tx`
      insert into users (email, name, password_hash)
      values (${adminEmail}, 'Demo admin', ${await hashPassword(password)})
      returning id`;
    await tx`insert into workspace_members (workspace_id, user_id, role) values (${workspace?.id}, ${user?.id}, 'owner')`;
    if (apiKey)
      await tx`
        insert into api_keys (workspace_id, name, prefix, key_hash, scope, created_by)
        values (${workspace?.id}, 'Demo key', ${apiKeyPrefix(apiKey)}, ${hashApiKey(apiKey)}, 'full', ${user?.id})`;
    return {
      created: true,
      workspaceId: workspace?.id as string,
      adminEmail,
      ...(generatedPassword ? { adminPassword: generatedPassword } : {}),
      ...(generatedKey ? { apiKey: generatedKey } : {}),
    };
  });
}

/**
 * Generated credentials go to RUTA_DEMO_CREDENTIALS_FILE (0600, in the data folder) for the start
 * command's banner. They are never logged: the log says only that the workspace exists.
 */
export async function announceDemoCredentials(seed: SeedResult, log: Logger): Promise<void> {
  const file = process.env.RUTA_DEMO_CREDENTIALS_FILE;
  if (file) {
    const credentials = {
      adminEmail: seed.adminEmail,
      adminPassword: seed.adminPassword,
      apiKey: seed.apiKey,
    };
    await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  }
  log.info({ email: seed.adminEmail }, 'workspace created with its owner');
}
