-- Real channels (issue #8): a workspace's provider accounts, their webhooks and WhatsApp templates.

-- One provider account (WhatsApp Cloud API number, Twilio sender, SMTP server) of a workspace.
-- `config` holds what may be shown; `secrets` the AES-256-GCM sealed credentials (RUTA_SECRETS_KEY).
create table channels (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  provider text not null check (provider in ('whatsapp', 'twilio', 'smtp', 'sandbox')),
  name text not null,
  config jsonb not null default '{}'::jsonb,
  secrets text,
  secret_fields text[] not null default '{}',
  -- The message channels it carries (whatsapp, sms, email, rcs), derived from provider + config.
  carries text[] not null,
  templates_synced_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index channels_workspace_idx on channels (workspace_id, created_at desc);

-- Every webhook that passed its signature check, stored before processing: a processing bug
-- loses nothing and the receipt can be replayed.
create table webhook_receipts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  channel_id uuid references channels (id) on delete set null,
  provider text not null,
  content_type text,
  body text not null,
  status text not null default 'received'
    check (status in ('received', 'processed', 'failed')),
  -- What processing did: events routed, unknown message ids, errors.
  outcome jsonb,
  error text,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);
create index webhook_receipts_workspace_idx on webhook_receipts (workspace_id, received_at desc);
create index webhook_receipts_unprocessed_idx on webhook_receipts (received_at) where status <> 'processed';

create table whatsapp_templates (
  channel_id uuid not null references channels (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null,
  language text not null,
  status text not null,
  category text not null,
  body text not null,
  param_count integer not null,
  quick_replies text[] not null default '{}',
  synced_at timestamptz not null default now(),
  primary key (channel_id, name, language)
);
-- Each WhatsApp template send looks up its synced category (pricing) by workspace, name, language.
create index whatsapp_templates_lookup_idx on whatsapp_templates (workspace_id, name, language);

-- Which workspace channel sent a message (statuses are matched within it).
alter table messages add column channel_config_id uuid references channels (id) on delete set null;
create index messages_channel_provider_idx on messages (channel_config_id, provider_message_id)
  where provider_message_id is not null;
-- Inbound messages are deduplicated per provider message id (providers redeliver webhooks).
create unique index inbound_provider_message_idx on inbound_messages (provider, provider_message_id)
  where provider_message_id is not null;
