import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type SecretBox, type SecretOwner, SecretsKeyError, type Sql } from '@ruta/platform';
import { fieldIssue, SOURCE_SECRET_FIELDS, SourceConfigs, type SourcePlatform } from '@ruta/shared';
import { fieldPath, localizedField, problem, summarize } from '../http/problem';
import type { CreateSource, SourceView, UpdateSource } from './source-schemas';

export interface SourceRow {
  id: string;
  workspace_id: string;
  platform: SourcePlatform;
  name: string;
  config: Record<string, unknown>;
  secrets: string | null;
  secret_fields: string[];
  write_key_prefix: string | null;
  created_at: Date;
  updated_at: Date;
  last_delivery_at?: Date | null;
}

/** Sealed for this source only: a copy on a channel or another source does not open. */
const owner = (row: { workspace_id: string; id: string }): SecretOwner => ({
  workspaceId: row.workspace_id,
  channelId: `source:${row.id}`,
});

function requireBox(box: SecretBox | undefined): SecretBox {
  if (box) return box;
  throw problem('secrets_key_missing', { purpose: 'store' });
}

function split(platform: SourcePlatform, config: Record<string, unknown>) {
  const secretNames = new Set(SOURCE_SECRET_FIELDS[platform]);
  const publicPart: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    if (secretNames.has(key)) secrets[key] = String(value);
    else publicPart[key] = value;
  }
  return { publicPart, secrets, secretFields: Object.keys(secrets).sort() };
}

export const writeKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

export function sourceWebhookUrl(publicUrl: string, platform: string, id: string) {
  return `${publicUrl.replace(/\/$/, '')}/webhooks/sources/${platform}/${id}`;
}

export function sourceView(row: SourceRow, publicUrl: string): SourceView {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    config: row.config,
    secretsSet: row.secret_fields,
    webhookUrl: sourceWebhookUrl(publicUrl, row.platform, row.id),
    ...(row.platform === 'segment'
      ? {
          apiBaseUrl: `${publicUrl.replace(/\/$/, '')}/v1`,
          ...(row.write_key_prefix ? { writeKeyPrefix: row.write_key_prefix } : {}),
        }
      : {}),
    lastDeliveryAt: row.last_delivery_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const LAST_DELIVERY = `(select max(received_at) from source_deliveries d where d.source_id = sources.id) as last_delivery_at`;

export async function listSources(sql: Sql, workspaceId: string) {
  return sql<SourceRow[]>`
    select *, ${sql.unsafe(LAST_DELIVERY)} from sources
    where workspace_id = ${workspaceId} order by created_at desc`;
}

export async function findSource(sql: Sql, workspaceId: string, id: string) {
  const [row] = await sql<SourceRow[]>`
    select *, ${sql.unsafe(LAST_DELIVERY)} from sources
    where id = ${id} and workspace_id = ${workspaceId}`;
  return row;
}

/** The source a webhook names (any workspace: the URL and its signature say whose it is). */
export async function sourceById(sql: Sql, id: string) {
  const [row] = await sql<SourceRow[]>`select * from sources where id = ${id}`;
  return row;
}

export async function sourceByWriteKey(sql: Sql, key: string) {
  const [row] = await sql<SourceRow[]>`
    select * from sources where write_key_hash = ${writeKeyHash(key)} and platform = 'segment'`;
  return row;
}

/** The stored config with its secrets opened (throws SecretsKeyError when they do not open). */
export function fullSourceConfig(
  row: SourceRow,
  box: SecretBox | undefined,
): Record<string, unknown> {
  if (!row.secrets) return { ...row.config };
  return { ...row.config, ...requireBox(box).decrypt(row.secrets, owner(row)) };
}

export async function createSource(
  sql: Sql,
  box: SecretBox | undefined,
  workspaceId: string,
  body: CreateSource,
): Promise<{ row: SourceRow; writeKey?: string }> {
  const id = randomUUID();
  const { publicPart, secrets, secretFields } = split(body.platform, body.config);
  const sealed = secretFields.length
    ? requireBox(box).encrypt(secrets, owner({ workspace_id: workspaceId, id }))
    : null;
  const writeKey =
    body.platform === 'segment' ? `ruta_wk_${randomBytes(24).toString('base64url')}` : undefined;
  const [row] = await sql<SourceRow[]>`
    insert into sources (id, workspace_id, platform, name, config, secrets, secret_fields,
                         write_key_hash, write_key_prefix)
    values (${id}, ${workspaceId}, ${body.platform}, ${body.name}, ${sql.json(publicPart as never)},
            ${sealed}, ${secretFields}, ${writeKey ? writeKeyHash(writeKey) : null},
            ${writeKey ? writeKey.slice(0, 12) : null})
    returning *, null::timestamptz as last_delivery_at`;
  if (!row) throw new Error('source not created');
  return { row, ...(writeKey ? { writeKey } : {}) };
}

export async function updateSource(
  sql: Sql,
  box: SecretBox | undefined,
  row: SourceRow,
  body: UpdateSource,
): Promise<SourceRow> {
  if (body.platform !== undefined && body.platform !== row.platform)
    throw problem('source_platform_fixed', { platform: row.platform });
  const secretNames = new Set(SOURCE_SECRET_FIELDS[row.platform]);
  const changes = Object.fromEntries(
    Object.entries(body.config ?? {}).filter(
      ([key, value]) => !(secretNames.has(key) && (value === '' || value === undefined)),
    ),
  );
  let current: Record<string, unknown> = row.config;
  if (body.config) {
    try {
      current = fullSourceConfig(row, box);
    } catch (error) {
      if (!(error instanceof SecretsKeyError)) throw error;
    }
  }
  const merged: Record<string, unknown> = { ...current, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === null) delete merged[key];
  const parsed = SourceConfigs[row.platform].safeParse(merged);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const { code, message } = fieldIssue(issue, merged);
      return localizedField(fieldPath(['config', ...issue.path]), code, {
        en: message.en,
        es: message.es,
        pt: (message as { pt?: string }).pt ?? message.es,
      });
    });
    throw problem('source_config_invalid', { summary: summarize(errors) }, { errors });
  }
  const { publicPart, secrets, secretFields } = split(
    row.platform,
    parsed.data as Record<string, unknown>,
  );
  const sealed = secretFields.length ? requireBox(box).encrypt(secrets, owner(row)) : null;
  const [updated] = await sql<SourceRow[]>`
    update sources set name = ${body.name ?? row.name}, config = ${sql.json(publicPart as never)},
      secrets = ${sealed}, secret_fields = ${secretFields}, updated_at = clock_timestamp()
    where id = ${row.id}
    returning *, ${sql.unsafe(LAST_DELIVERY)}`;
  if (!updated) throw new Error('source not updated');
  return updated;
}
