import { randomUUID } from 'node:crypto';
import { type ChannelRow, fullChannelConfig } from '@ruta/engine';
import { type SecretBox, type SecretOwner, SecretsKeyError, type Sql } from '@ruta/platform';
import {
  ChannelConfigs,
  channelsCarried,
  fieldIssue,
  type ProviderKind,
  SECRET_FIELDS,
  SERVER_SETTING_FIELDS,
  splitSecrets,
} from '@ruta/shared';
import { type FieldProblem, fieldPath, localizedField, problem, summarize } from '../http/problem';
import type { CreateChannel, UpdateChannel } from './channel-schemas';
import { PASSWORD_AGAIN, serverSettingProblem } from './server-settings';

function requireBox(box: SecretBox | undefined): SecretBox {
  if (box) return box;
  throw problem('secrets_key_missing', { purpose: 'store' });
}

/** Splits a config; the secrets are sealed for this workspace's channel only. */
function seal(
  provider: ProviderKind,
  config: Record<string, unknown>,
  box: SecretBox | undefined,
  owner: SecretOwner,
) {
  const { publicPart, secrets } = splitSecrets(provider, config);
  const secretFields = Object.keys(secrets).sort();
  return {
    publicPart,
    sealed: secretFields.length ? requireBox(box).encrypt(secrets, owner) : null,
    secretFields,
    carries: channelsCarried(provider, config),
  };
}

export async function createChannel(
  sql: Sql,
  box: SecretBox | undefined,
  workspaceId: string,
  body: CreateChannel,
): Promise<ChannelRow> {
  // The id is chosen here: the secrets are sealed for it before the row exists.
  const id = randomUUID();
  const { publicPart, sealed, secretFields, carries } = seal(body.provider, body.config, box, {
    workspaceId,
    channelId: id,
  });
  const [row] = await sql<ChannelRow[]>`
    insert into channels (id, workspace_id, provider, name, config, secrets, secret_fields, carries)
    values (${id}, ${workspaceId}, ${body.provider}, ${body.name}, ${sql.json(publicPart as never)}, ${sealed},
            ${secretFields}, ${carries})
    returning *`;
  if (!row) throw new Error('channel not created');
  return row;
}

export async function updateChannel(
  sql: Sql,
  box: SecretBox | undefined,
  row: ChannelRow,
  body: UpdateChannel,
): Promise<ChannelRow> {
  const secretNames = new Set(SECRET_FIELDS[row.provider]);
  const changes = Object.fromEntries(
    Object.entries(body.config ?? {}).filter(
      ([key, value]) => !(secretNames.has(key) && (value === '' || value === undefined)),
    ),
  );
  refuseServerSettings(row.provider, changes);
  const current = body.config ? openConfig(row, box) : row.config;
  // null clears an optional field (a required one then fails validation, naming it).
  const merged: Record<string, unknown> = { ...current, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === null) delete merged[key];
  for (const field of Object.keys(SERVER_SETTING_FIELDS[row.provider])) delete merged[field];
  if (row.provider === 'smtp') requirePasswordForNewServer(current, merged, changes);
  const parsed = ChannelConfigs[row.provider].safeParse(merged);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const { code, message } = fieldIssue(issue, merged);
      return localizedField(fieldPath(['config', ...issue.path]), code, message);
    });
    throw problem('channel_config_invalid', { summary: summarize(errors) }, { errors });
  }
  const { publicPart, sealed, secretFields, carries } = seal(
    row.provider,
    parsed.data as Record<string, unknown>,
    box,
    { workspaceId: row.workspace_id, channelId: row.id },
  );
  const [updated] = await sql<ChannelRow[]>`
    update channels set
      name = ${body.name ?? row.name},
      config = ${sql.json(publicPart as never)}, secrets = ${sealed}, secret_fields = ${secretFields},
      carries = ${carries}, updated_at = clock_timestamp()
    where id = ${row.id}
    returning *`;
  if (!updated) throw new Error('channel not updated');
  return updated;
}

/** A body that still sets a server setting (e.g. `apiBaseUrl`) is refused, naming the field. */
function refuseServerSettings(provider: ProviderKind, changes: Record<string, unknown>) {
  const errors: FieldProblem[] = Object.entries(SERVER_SETTING_FIELDS[provider])
    .filter(([field]) => changes[field] !== undefined && changes[field] !== null)
    .map(([field, variable]) => serverSettingProblem(field, variable));
  if (errors.length)
    throw problem(
      'server_setting',
      { summary: summarize(errors.map((e) => ({ ...e, path: '' }))) },
      { errors },
    );
}

/**
 * A saved SMTP password goes only to the server it was typed for: a new host or port needs it
 * typed again (or cleared).
 */
function requirePasswordForNewServer(
  current: Record<string, unknown>,
  merged: Record<string, unknown>,
  changes: Record<string, unknown>,
) {
  const moved = merged.host !== current.host || merged.port !== current.port;
  if (moved && typeof current.password === 'string' && changes.password === undefined)
    throw problem('password_required', {}, { errors: [PASSWORD_AGAIN] });
}

/**
 * The stored config with its secrets; when they no longer open (sealed for another channel, or
 * under another RUTA_SECRETS_KEY) only the public part, so typing the secrets again repairs it.
 */
function openConfig(row: ChannelRow, box: SecretBox | undefined): Record<string, unknown> {
  try {
    return fullChannelConfig(row, row.secrets ? requireBox(box) : box);
  } catch (error) {
    if (error instanceof SecretsKeyError) return { ...row.config };
    throw error;
  }
}

/** Removes a channel; answers its name and provider (for the audit log), or undefined. */
export async function deleteChannel(sql: Sql, workspaceId: string, id: string) {
  const [removed] = await sql<{ name: string; provider: string }[]>`
    delete from channels where id = ${id} and workspace_id = ${workspaceId}
    returning name, provider`;
  return removed;
}
