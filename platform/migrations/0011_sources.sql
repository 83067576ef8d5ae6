-- Sources (issue #20): a store (Shopify, Tiendanube, WooCommerce) or a Segment-compatible CDP whose
-- webhooks become Ruta events and contacts.

-- `config` holds what may be shown; `secrets` the AES-256-GCM sealed credentials (RUTA_SECRETS_KEY),
-- sealed for this source only. A Segment source is found by the SHA-256 of its write key (the key
-- itself is shown once and never kept).
create table sources (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  platform text not null check (platform in ('shopify', 'tiendanube', 'woocommerce', 'segment')),
  name text not null,
  config jsonb not null default '{}'::jsonb,
  secrets text,
  secret_fields text[] not null default '{}',
  write_key_hash text unique,
  write_key_prefix text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sources_workspace_idx on sources (workspace_id, created_at desc);

-- Every delivery that passed its signature (or write key) check, stored as it came before
-- processing, so a processing failure loses nothing and the delivery can be replayed. A platform's
-- delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID, a Segment messageId) is kept once.
create table source_deliveries (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  source_id uuid not null references sources (id) on delete cascade,
  platform text not null,
  topic text not null,
  delivery_id text,
  content_type text,
  body text not null,
  status text not null default 'received'
    check (status in ('received', 'processed', 'ignored', 'failed')),
  -- What it became: events (names, ids, statuses) and the contact; or why it was ignored.
  outcome jsonb,
  error text,
  test boolean not null default false,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  erased_at timestamptz
);
create unique index source_deliveries_once on source_deliveries (source_id, delivery_id)
  where delivery_id is not null;
create index source_deliveries_recent_idx on source_deliveries (source_id, received_at desc);

-- A checkout that arrives after its order starts nothing: sources look its order up by cart key.
create index events_order_by_cart_idx on events (workspace_id, (properties ->> 'cart_id'))
  where name = 'order_placed';

-- Deliveries stored and not processed yet (a schedule's reads, a request that died).
create index source_deliveries_pending_idx on source_deliveries (received_at) where status = 'received';
