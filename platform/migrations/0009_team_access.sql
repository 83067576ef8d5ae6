-- A workspace a team can trust (issue #16): owners, invitations, scoped API keys, the audit log,
-- login throttling, consent history and erasable webhook receipts.

-- Roles: owner > admin > editor > viewer. Every workspace keeps at least one owner: its first
-- admin becomes one now, and a trigger refuses any change that would leave none.
alter table workspace_members drop constraint workspace_members_role_check;
alter table workspace_members add constraint workspace_members_role_check
  check (role in ('owner', 'admin', 'editor', 'viewer'));
alter table workspace_members add column created_at timestamptz not null default now();

update workspace_members m set role = 'owner'
from (
  select distinct on (m.workspace_id) m.workspace_id, m.user_id
  from workspace_members m join users u on u.id = m.user_id
  where m.role = 'admin'
    and not exists (select 1 from workspace_members o where o.workspace_id = m.workspace_id and o.role = 'owner')
  order by m.workspace_id, u.created_at, u.id
) first_admin
where m.workspace_id = first_admin.workspace_id and m.user_id = first_admin.user_id;

create function workspace_keeps_an_owner() returns trigger language plpgsql as $$
begin
  if old.role = 'owner'
     and exists (select 1 from workspaces w where w.id = old.workspace_id)
     and not exists (select 1 from workspace_members m where m.workspace_id = old.workspace_id and m.role = 'owner')
  then
    raise exception 'workspace % would have no owner', old.workspace_id
      using errcode = 'check_violation', constraint = 'workspace_keeps_an_owner';
  end if;
  return null;
end $$;

create trigger workspace_members_keep_owner after update of role or delete on workspace_members
  for each row execute function workspace_keeps_an_owner();

-- Sessions say where they came from (shown in the audit log's sign-in entries).
alter table sessions add column ip text;
alter table sessions add column user_agent text;
create index sessions_workspace_user_idx on sessions (workspace_id, user_id);
create index sessions_expires_idx on sessions (expires_at);

-- Invitations: only the token's SHA-256 is stored; the link is shown once (and mailed).
create table invitations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  email text not null,
  role text not null check (role in ('owner', 'admin', 'editor', 'viewer')),
  token_hash text not null unique,
  invited_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id) on delete set null,
  revoked_at timestamptz
);
create unique index invitations_pending_idx on invitations (workspace_id, lower(email))
  where accepted_at is null and revoked_at is null;

-- API keys: `ingest` (events, contacts, source webhooks) or `full` (an admin's rights).
alter table api_keys add column scope text not null default 'full' check (scope in ('ingest', 'full'));
alter table api_keys add column created_by uuid references users (id) on delete set null;
alter table api_keys add column revoked_by uuid references users (id) on delete set null;

-- Who did what, when and from where. Kept 365 days (the API deletes older entries daily).
-- Sign-in failures for unknown emails have no workspace: kept for operators, never listed.
create table audit_log (
  id bigserial primary key,
  workspace_id uuid references workspaces (id) on delete cascade,
  at timestamptz not null default now(),
  actor_user_id uuid references users (id) on delete set null,
  actor_api_key_id uuid references api_keys (id) on delete set null,
  -- The actor as they were called then (email, key name): still readable once they are gone.
  actor_label text,
  action text not null,
  target_type text,
  target_id text,
  target_label text,
  detail jsonb not null default '{}'::jsonb,
  ip text,
  user_agent text
);
create index audit_log_workspace_idx on audit_log (workspace_id, id desc);
create index audit_log_at_idx on audit_log (at);

-- Failed sign-ins per account and per address, for throttling with backoff (every API process).
create table login_throttle (
  key text primary key,            -- 'account:<email>' or 'address:<ip>'
  failures integer not null,
  last_failure_at timestamptz not null,
  blocked_until timestamptz
);

-- Every change of a contact's consent, whoever made it (contacts API, CSV import, events, inbound
-- opt-out, provider opt-out, a journey's update_contact step): one trigger captures them all.
-- `actor` is what the writer declared with `set local ruta.actor = 'user:<id>' | 'api_key:<id>'`;
-- null when Ruta itself wrote it (the record's `source` says how).
create table consent_history (
  id bigserial primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  contact_id uuid not null references contacts (id) on delete cascade,
  channel text not null,
  granted boolean,                 -- null: the channel's record was removed
  source text,
  actor text,
  record jsonb,                    -- the consent record as written ({ granted, at, source, … })
  at timestamptz not null default now()
);
create index consent_history_contact_idx on consent_history (contact_id, id);

create function contacts_consent_history() returns trigger language plpgsql as $$
begin
  insert into consent_history (workspace_id, contact_id, channel, granted, source, actor, record)
  select new.workspace_id, new.id, coalesce(n.key, o.key),
         case when jsonb_typeof(n.value -> 'granted') = 'boolean' then (n.value ->> 'granted')::boolean end,
         case when n.key is null then 'removed' else n.value ->> 'source' end,
         nullif(current_setting('ruta.actor', true), ''),
         n.value
  from jsonb_each(case when jsonb_typeof(new.consent) = 'object' then new.consent else '{}'::jsonb end) n
  full join jsonb_each(
    case when tg_op = 'UPDATE' and jsonb_typeof(old.consent) = 'object' then old.consent else '{}'::jsonb end
  ) o on o.key = n.key
  -- A change is a channel granted or withdrawn, added or removed; the same answer again is not.
  where (n.value -> 'granted') is distinct from (o.value -> 'granted') or n.key is null or o.key is null;
  return null;
end $$;

create trigger contacts_consent_history_insert after insert on contacts
  for each row when (new.consent <> '{}'::jsonb) execute function contacts_consent_history();
create trigger contacts_consent_history_update after update of consent on contacts
  for each row when (old.consent is distinct from new.consent) execute function contacts_consent_history();

-- What exists before this migration: the current consent, as the first entry of each history.
insert into consent_history (workspace_id, contact_id, channel, granted, source, record, at)
select c.workspace_id, c.id, r.key,
       case when jsonb_typeof(r.value -> 'granted') = 'boolean' then (r.value ->> 'granted')::boolean end,
       r.value ->> 'source', r.value, c.updated_at
from contacts c, jsonb_each(case when jsonb_typeof(c.consent) = 'object' then c.consent else '{}'::jsonb end) r;

-- A receipt whose body named an erased contact keeps its row (counts, statuses) without the body.
alter table webhook_receipts add column erased_at timestamptz;
