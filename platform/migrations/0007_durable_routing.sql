-- Every signal once, in the run that waits for it (DESIGN §8).

-- 1. The outbox: whatever must reach a workflow (a run's start, an event, a reply, a status, an
-- exit) is written here in the statement or transaction that records it; a dispatcher delivers it
-- with retry and backoff until Temporal accepts it. Signal rows are deleted once delivered; start
-- rows are kept a while (the reconciler re-delivers one whose workflow went missing).
create table signal_outbox (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- The runs row it concerns: a start creates that run; a signal is meant for that run only.
  run_id uuid references runs (id) on delete cascade,
  workflow_id text not null,
  kind text not null check (kind in ('start', 'signal')),
  signal text not null,          -- enroll, event, engagement, exit
  payload jsonb not null,        -- the signal's argument; for a start, { input, signalArg, searchAttributes }
  created_at timestamptz not null default now(),
  attempts integer not null default 0,
  -- Rows written by a request are first delivered by that request; the dispatcher takes a row once
  -- this time has passed (and leases it by moving it forward while it delivers).
  next_attempt_at timestamptz not null default now() + interval '5 seconds',
  last_error text,
  delivered_at timestamptz
);
create index signal_outbox_due_idx on signal_outbox (next_attempt_at, id) where delivered_at is null;
create index signal_outbox_run_idx on signal_outbox (run_id) where kind = 'start';
create index signal_outbox_workflow_idx on signal_outbox (workflow_id, id) where delivered_at is null;
create index signal_outbox_delivered_idx on signal_outbox (delivered_at) where delivered_at is not null;

-- The reconciler's question: active runs whose workflow has not confirmed itself yet.
create index runs_unconfirmed_idx on runs (started_at) where status = 'active' and temporal_run_id is null;

-- 2. An event is "routed" once its runs, starts and signals are written (to the outbox). A client's
-- retry of an event whose routing did not happen routes it instead of answering "duplicate".
alter table events add column routed_at timestamptz;
update events set routed_at = received_at;
create index events_unrouted_idx on events (received_at) where routed_at is null;

-- 3. Replies: which message they answer, which run they went to and by which rule (§8.1); the
-- dedupe key scoped to the workspace and channel (one workspace can't pre-claim another's ids).
alter table inbound_messages
  add column channel_config_id uuid references channels (id) on delete set null,
  add column reply_to_message_id uuid references messages (id) on delete set null,
  add column run_id uuid references runs (id) on delete set null,
  add column routed_by text check (routed_by in ('context', 'latest_message', 'opt_out', 'none'));
drop index inbound_provider_message_idx;
create unique index inbound_provider_message_idx on inbound_messages
  (workspace_id, coalesce(channel_config_id, '00000000-0000-0000-0000-000000000000'::uuid), provider, provider_message_id)
  where provider_message_id is not null;

-- 4. Sends whose provider answer was lost: `provider_call` says a call was started and not known
-- to have been refused; a retry that finds it so looks the message up or records 'unknown'.
alter table messages add column provider_call text check (provider_call in ('started', 'refused'));
alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check
  check (status in ('pending', 'held_out', 'sent', 'delivered', 'read', 'failed', 'unknown'));
-- Replies without context go to the run whose newest message on the channel is newest.
create index messages_run_channel_idx on messages (run_id, channel, created_at desc);

-- 5. Two recounts of the same hour (deletes in concurrent transactions) collided on the rollups'
-- primary keys and rolled the delete back. Each recount now locks its buckets first, in key order.
create or replace function analytics_recount(buckets jsonb) returns void language plpgsql as $$
begin
  perform pg_advisory_xact_lock(7353100, hashtext(b.journey_id::text || b.hour::text || b.version_id::text))
  from (select * from analytics_buckets(buckets) order by 1, 2, 3) b;

  delete from analytics_runs_hourly a using analytics_buckets(buckets) b
  where a.journey_id = b.journey_id and a.hour = b.hour and a.version_id = b.version_id;
  insert into analytics_runs_hourly (journey_id, hour, version_id, pilot_group, entered)
  select b.journey_id, b.hour, b.version_id, r.pilot_group, count(*)
  from analytics_buckets(buckets) b join runs r on r.journey_id = b.journey_id and r.version_id = b.version_id
    and r.started_at >= b.hour and r.started_at < b.hour + interval '1 hour' and not r.preview
  group by 1, 2, 3, 4
  on conflict (journey_id, hour, version_id, pilot_group) do update set entered = excluded.entered;

  delete from analytics_steps_hourly a using analytics_buckets(buckets) b
  where a.journey_id = b.journey_id and a.hour = b.hour and a.version_id = b.version_id;
  insert into analytics_steps_hourly (journey_id, hour, version_id, node_id, kind, port, runs, times)
  select b.journey_id, b.hour, b.version_id, s.node_id, s.kind, coalesce(s.port, ''),
         count(distinct s.run_id), count(*)
  from analytics_buckets(buckets) b join runs r on r.journey_id = b.journey_id and r.version_id = b.version_id
    and r.started_at >= b.hour and r.started_at < b.hour + interval '1 hour' and not r.preview
  join run_steps s on s.run_id = r.id and s.kind in ('entered', 'visited', 'took', 'ended')
  group by 1, 2, 3, 4, 5, 6
  on conflict (journey_id, hour, version_id, node_id, kind, port)
  do update set runs = excluded.runs, times = excluded.times;

  delete from analytics_messages_hourly a using analytics_buckets(buckets) b
  where a.journey_id = b.journey_id and a.hour = b.hour and a.version_id = b.version_id;
  execute analytics_messages_upsert(
    'select 1 as sign, m.* from analytics_buckets($1) b join runs r on r.journey_id = b.journey_id
       and r.version_id = b.version_id and r.started_at >= b.hour
       and r.started_at < b.hour + interval ''1 hour'' join messages m on m.run_id = r.id')
  using buckets;
end $$;
