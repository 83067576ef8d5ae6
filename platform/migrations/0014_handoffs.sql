-- Hand-off that reaches a person (issue «Hand-off that reaches a person»): a conversation in the
-- team's inbox with the customer's context, assigned to an agent, answered from Ruta on the
-- channel the customer was reached on, closed with a result; the run may wait for that close.

alter table handoff_tasks drop constraint handoff_tasks_status_check;
update handoff_tasks set status = 'closed' where status = 'done';
alter table handoff_tasks add constraint handoff_tasks_status_check
  check (status in ('open', 'assigned', 'closed'));
alter table handoff_tasks
  add column journey_id uuid references journeys (id) on delete set null,
  add column node_id text,
  -- Where the agent answers: the channel the run last reached the customer on (or they wrote on).
  add column channel text,
  -- What the agent needs at a glance: the trigger event (cart, total), what the customer tapped
  -- or wrote, the steps so far. Written once, when the hand-off is made.
  add column context jsonb not null default '{}'::jsonb,
  -- The run waits for the agent's close and goes on by its result.
  add column waits boolean not null default false,
  add column assigned_to uuid references users (id) on delete set null,
  add column assigned_at timestamptz,
  add column first_response_at timestamptz,
  add column closed_at timestamptz,
  add column closed_by uuid references users (id) on delete set null,
  add column result text check (result in ('sold', 'solved', 'no_sale')),
  add column notified_at timestamptz;
create index handoff_open_idx on handoff_tasks (workspace_id, created_at) where status <> 'closed';
create index handoff_contact_idx on handoff_tasks (contact_id) where status <> 'closed';
create index handoff_closed_idx on handoff_tasks (workspace_id, closed_at) where status = 'closed';

create table handoff_notes (
  id uuid primary key default gen_random_uuid(),
  handoff_id uuid not null references handoff_tasks (id) on delete cascade,
  author_id uuid references users (id) on delete set null,
  author_label text,
  body text not null,
  created_at timestamptz not null default now()
);
create index handoff_notes_idx on handoff_notes (handoff_id, created_at);

-- An agent's message is a message like any other (cost, status, timeline), marked as theirs.
alter table messages
  add column handoff_id uuid references handoff_tasks (id) on delete set null,
  add column sent_by uuid references users (id) on delete set null;
create index messages_handoff_idx on messages (handoff_id) where handoff_id is not null;

-- Who hears of a new hand-off in a queue: members by email, and a signed webhook (Slack, a CRM).
create table handoff_queues (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  queue text not null,
  notify_user_ids uuid[] not null default '{}',
  webhook_url text,
  -- Sealed with RUTA_SECRETS_KEY, like channel credentials; signs the webhook (HMAC-SHA256).
  webhook_secret_sealed text,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, queue)
);

-- Agents: members who read everything and work the inbox, nothing else (below editors).
alter table workspace_members drop constraint workspace_members_role_check;
alter table workspace_members add constraint workspace_members_role_check
  check (role in ('owner', 'admin', 'editor', 'agent', 'viewer'));
alter table invitations drop constraint invitations_role_check;
alter table invitations add constraint invitations_role_check
  check (role in ('owner', 'admin', 'editor', 'agent', 'viewer'));
