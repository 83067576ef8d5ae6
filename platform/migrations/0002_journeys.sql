-- Contacts, events, journeys and their immutable versions, runs (enrollments), their timelines,
-- and messages. Runs are indexed per contact so routing a reply never scans Temporal.

create table contacts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  external_id text,
  phone text,                      -- E.164
  email text,
  first_name text,
  last_name text,
  time_zone text,                  -- IANA; defaults from the phone's country and area code
  locale text,
  attributes jsonb not null default '{}'::jsonb,
  tags text[] not null default '{}',
  consent jsonb not null default '{}'::jsonb,        -- { whatsapp: { granted, at, source }, sms: … }
  last_inbound_at jsonb not null default '{}'::jsonb, -- { whatsapp: ISO time, … }: the 24-hour window
  test_contact boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index contacts_external_id_idx on contacts (workspace_id, external_id) where external_id is not null;
create index contacts_phone_idx on contacts (workspace_id, phone) where phone is not null;
create index contacts_email_idx on contacts (workspace_id, lower(email)) where email is not null;

create table events (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  client_event_id text not null,   -- supplied by the sender: duplicates are ignored
  name text not null,
  contact_id uuid references contacts (id) on delete cascade,
  properties jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null default now(),
  received_at timestamptz not null default now(),
  unique (workspace_id, client_event_id)
);
create index events_contact_idx on events (contact_id, name, occurred_at);
create index events_name_idx on events (workspace_id, name, occurred_at);

create table journeys (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null,
  status text not null default 'draft'
    check (status in ('draft', 'active', 'paused', 'stopped', 'archived')),
  draft jsonb not null,            -- the journey definition being edited
  draft_layout jsonb not null default '{}'::jsonb,
  draft_updated_at timestamptz not null default now(),
  active_version_id uuid,
  activation jsonb,                -- pilot settings chosen at activation
  template_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index journeys_workspace_idx on journeys (workspace_id, status);

create table journey_versions (
  id uuid primary key default gen_random_uuid(),
  journey_id uuid not null references journeys (id) on delete cascade,
  version integer not null,
  definition jsonb not null,       -- immutable once published
  layout jsonb not null default '{}'::jsonb,
  published_at timestamptz not null default now(),
  published_by uuid references users (id) on delete set null,
  unique (journey_id, version)
);
alter table journeys add constraint journeys_active_version_fk
  foreign key (active_version_id) references journey_versions (id) on delete set null;

create table runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  journey_id uuid not null references journeys (id) on delete cascade,
  version_id uuid not null references journey_versions (id) on delete cascade,
  contact_id uuid not null references contacts (id) on delete cascade,
  workflow_id text not null,
  temporal_run_id text,
  entry_key text,
  trigger_event_id uuid references events (id) on delete set null,
  pilot_group text not null default 'treatment' check (pilot_group in ('treatment', 'holdout')),
  preview boolean not null default false,
  status text not null default 'active' check (status in ('active', 'completed', 'failed')),
  outcome text,                    -- exit node's label, 'converted', 'removed', 'loop_limit', …
  current_node text,
  waiting_for jsonb,               -- { kind, ports, until }
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  converted_at timestamptz,
  updated_at timestamptz not null default now()
);
create index runs_active_contact_idx on runs (contact_id) where status = 'active';
create index runs_journey_idx on runs (journey_id, status, started_at desc);
create index runs_workflow_idx on runs (workflow_id, started_at desc);
create index runs_contact_idx on runs (contact_id, started_at desc);

create table run_steps (
  run_id uuid not null references runs (id) on delete cascade,
  seq integer not null,
  at timestamptz not null,
  node_id text not null,
  kind text not null,              -- entered, took, sent, held_out, deferred, waiting, signal, …
  port text,
  detail jsonb not null default '{}'::jsonb,
  primary key (run_id, seq)
);
create index run_steps_node_idx on run_steps (node_id, kind);

create table messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  run_id uuid references runs (id) on delete cascade,
  journey_id uuid references journeys (id) on delete set null,
  node_id text,
  contact_id uuid not null references contacts (id) on delete cascade,
  channel text not null check (channel in ('whatsapp', 'sms', 'email', 'rcs')),
  idempotency_key text not null unique,   -- workflowId:nodeId:visit (+ :channel for fallbacks)
  provider text not null,
  provider_message_id text,
  format text not null,            -- whatsapp_template, whatsapp_session, sms, email, rcs
  content jsonb not null,          -- as rendered
  status text not null default 'pending'
    check (status in ('pending', 'held_out', 'sent', 'delivered', 'read', 'failed')),
  error text,
  in_window boolean,               -- WhatsApp: inside the 24-hour customer-service window
  pricing_category text,           -- WhatsApp: marketing, utility, authentication, service
  segments integer,                -- SMS segments
  cost numeric(12, 5),
  preview boolean not null default false,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  delivered_at timestamptz,
  read_at timestamptz,
  opened_at timestamptz,
  clicked_at timestamptz,
  replied_at timestamptz,
  failed_at timestamptz
);
create index messages_contact_idx on messages (contact_id, created_at desc);
create index messages_run_idx on messages (run_id);
create index messages_provider_idx on messages (provider, provider_message_id) where provider_message_id is not null;
create index messages_journey_node_idx on messages (journey_id, node_id);

create table inbound_messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  contact_id uuid not null references contacts (id) on delete cascade,
  channel text not null,
  text text,
  button_id text,
  provider text not null,
  provider_message_id text,
  intent text,
  received_at timestamptz not null default now()
);
create index inbound_contact_idx on inbound_messages (contact_id, received_at desc);

create table handoff_tasks (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  run_id uuid references runs (id) on delete set null,
  contact_id uuid not null references contacts (id) on delete cascade,
  queue text not null,
  note text,
  status text not null default 'open' check (status in ('open', 'done')),
  idempotency_key text not null unique,
  created_at timestamptz not null default now()
);

-- The sandbox provider's side of the wire: what "reached the phone" (one row per idempotency key).
create table sandbox_deliveries (
  idempotency_key text primary key,
  message_id uuid not null,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  channel text not null,
  recipient text not null,
  payload jsonb not null,
  delivered_at timestamptz not null default now()
);
