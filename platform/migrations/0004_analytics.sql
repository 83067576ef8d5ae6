-- Journey analytics (GET /api/journeys/{id}/analytics) stays fast at 100,000+ runs per journey.
--
-- Plain aggregates over run_steps (~8 rows per run) took seconds at 100,000 runs, so three hourly
-- rollups, kept exact by statement-level triggers, hold the counts: runs entered, distinct runs per
-- node / step kind / port, and message counts and cost. Buckets are the UTC hour the run entered,
-- so a date range and a version still select exactly (the API reads the partial hours at the
-- edges of a range from the raw tables). Preview runs are never counted.
-- Conversions are read from the runs themselves (they change after the run: see the API's
-- analytics/conversions.ts), served by the partial indexes at the end.

create table analytics_runs_hourly (
  journey_id uuid not null references journeys (id) on delete cascade,
  hour timestamptz not null,
  version_id uuid not null references journey_versions (id) on delete cascade,
  pilot_group text not null,
  entered integer not null default 0,
  primary key (journey_id, hour, version_id, pilot_group)
);

create table analytics_steps_hourly (
  journey_id uuid not null references journeys (id) on delete cascade,
  hour timestamptz not null,
  version_id uuid not null references journey_versions (id) on delete cascade,
  node_id text not null,
  kind text not null,              -- entered (trigger), visited, took, ended
  port text not null default '',   -- for took
  runs integer not null default 0, -- distinct runs
  times integer not null default 0,
  primary key (journey_id, hour, version_id, node_id, kind, port)
);

create table analytics_messages_hourly (
  journey_id uuid not null references journeys (id) on delete cascade,
  hour timestamptz not null,
  version_id uuid not null references journey_versions (id) on delete cascade,
  node_id text not null,
  channel text not null,
  sent integer not null default 0,
  delivered integer not null default 0,
  read integer not null default 0,
  opened integer not null default 0,
  clicked integer not null default 0,
  replied integer not null default 0,
  failed integer not null default 0,
  held_out integer not null default 0,
  cost numeric(16, 5) not null default 0,  -- of sent messages
  primary key (journey_id, hour, version_id, node_id, channel)
);

-- Rows are upserted in key order so concurrent transactions lock them in the same order (no deadlocks).

create function analytics_runs_inserted() returns trigger language plpgsql as $$
begin
  insert into analytics_runs_hourly as a (journey_id, hour, version_id, pilot_group, entered)
  select journey_id, date_trunc('hour', started_at, 'UTC'), version_id, pilot_group, count(*)
  from new_runs where not preview
  group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (journey_id, hour, version_id, pilot_group) do update set entered = a.entered + excluded.entered;
  return null;
end $$;

-- A step adds a run to its (node, kind, port) unless the run already had such a step: earlier in
-- the same statement (nth > 1) or in an earlier flush (journals are appended in seq order, so those
-- are the run's steps below the statement's first seq, found through the (run_id, seq) key).
create function analytics_steps_inserted() returns trigger language plpgsql as $$
begin
  with batch as (
    select n.run_id, n.seq, n.node_id, n.kind, coalesce(n.port, '') as port,
           row_number() over (partition by n.run_id, n.node_id, n.kind, coalesce(n.port, '') order by n.seq) as nth
    from new_steps n where n.kind in ('entered', 'visited', 'took', 'ended')
  ),
  firsts as (select run_id, min(seq) as seq from new_steps group by run_id),
  earlier as (
    select distinct s.run_id, s.node_id, s.kind, coalesce(s.port, '') as port
    from firsts f join run_steps s on s.run_id = f.run_id and s.seq < f.seq
    where s.kind in ('entered', 'visited', 'took', 'ended')
  )
  insert into analytics_steps_hourly as a (journey_id, hour, version_id, node_id, kind, port, runs, times)
  select r.journey_id, date_trunc('hour', r.started_at, 'UTC'), r.version_id, b.node_id, b.kind, b.port,
         count(*) filter (where b.nth = 1 and e.run_id is null), count(*)
  from batch b join runs r on r.id = b.run_id
  left join earlier e on e.run_id = b.run_id and e.node_id = b.node_id and e.kind = b.kind and e.port = b.port
  where not r.preview
  group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
  on conflict (journey_id, hour, version_id, node_id, kind, port)
  do update set runs = a.runs + excluded.runs, times = a.times + excluded.times;
  return null;
end $$;

-- Message counts move by the difference between the rows before (sign -1) and after (+1).
-- `source` is a query over message rows with a `sign` column (transition tables are only visible to
-- the trigger function itself, so it runs this statement with EXECUTE).
create function analytics_messages_upsert(source text) returns text language sql immutable as $$
  select format($f$
    insert into analytics_messages_hourly as a (journey_id, hour, version_id, node_id, channel,
      sent, delivered, read, opened, clicked, replied, failed, held_out, cost)
    select r.journey_id, date_trunc('hour', r.started_at, 'UTC'), r.version_id, m.node_id, m.channel,
           sum(m.sign * (m.sent_at is not null)::int), sum(m.sign * (m.delivered_at is not null)::int),
           sum(m.sign * (m.read_at is not null)::int), sum(m.sign * (m.opened_at is not null)::int),
           sum(m.sign * (m.clicked_at is not null)::int), sum(m.sign * (m.replied_at is not null)::int),
           sum(m.sign * (m.status = 'failed')::int), sum(m.sign * (m.status = 'held_out')::int),
           coalesce(sum(m.sign * m.cost) filter (where m.sent_at is not null), 0)
    from (%s) m join runs r on r.id = m.run_id
    where not r.preview and m.node_id is not null
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (journey_id, hour, version_id, node_id, channel) do update set
      sent = a.sent + excluded.sent, delivered = a.delivered + excluded.delivered,
      read = a.read + excluded.read, opened = a.opened + excluded.opened,
      clicked = a.clicked + excluded.clicked, replied = a.replied + excluded.replied,
      failed = a.failed + excluded.failed, held_out = a.held_out + excluded.held_out,
      cost = a.cost + excluded.cost$f$, source)
$$;

create function analytics_messages_changed() returns trigger language plpgsql as $$
declare
  counted constant text := '(%1$s.status, %1$s.cost, %1$s.sent_at, %1$s.delivered_at, %1$s.read_at, '
    '%1$s.opened_at, %1$s.clicked_at, %1$s.replied_at)';
begin
  if tg_op = 'INSERT' then
    execute analytics_messages_upsert('select 1 as sign, n.* from new_messages n');
  else
    -- Only rows whose counted fields changed (a content refresh moves nothing).
    execute analytics_messages_upsert(format(
      'select -1 as sign, o.* from old_messages o join new_messages n on n.id = o.id where %1$s is distinct from %2$s
       union all
       select 1, n.* from old_messages o join new_messages n on n.id = o.id where %1$s is distinct from %2$s',
      format(counted, 'o'), format(counted, 'n')));
  end if;
  return null;
end $$;

-- Deletions (an enrollment Temporal refused, a contact erased) recompute the hours they touch from
-- what is left: exact whatever the cascade order, and one set-based pass however many rows go.
-- Runs deleted with their journey need nothing (the rollups go with the journey).
create function analytics_buckets(buckets jsonb)
returns table (journey_id uuid, hour timestamptz, version_id uuid) language sql stable as $$
  select distinct b.journey_id, b.hour, b.version_id
  from jsonb_to_recordset(buckets) as b(journey_id uuid, hour timestamptz, version_id uuid)
  where exists (select 1 from journeys j where j.id = b.journey_id)
$$;

create function analytics_recount(buckets jsonb) returns void language plpgsql as $$
begin
  delete from analytics_runs_hourly a using analytics_buckets(buckets) b
  where a.journey_id = b.journey_id and a.hour = b.hour and a.version_id = b.version_id;
  insert into analytics_runs_hourly (journey_id, hour, version_id, pilot_group, entered)
  select b.journey_id, b.hour, b.version_id, r.pilot_group, count(*)
  from analytics_buckets(buckets) b join runs r on r.journey_id = b.journey_id and r.version_id = b.version_id
    and r.started_at >= b.hour and r.started_at < b.hour + interval '1 hour' and not r.preview
  group by 1, 2, 3, 4;

  delete from analytics_steps_hourly a using analytics_buckets(buckets) b
  where a.journey_id = b.journey_id and a.hour = b.hour and a.version_id = b.version_id;
  insert into analytics_steps_hourly (journey_id, hour, version_id, node_id, kind, port, runs, times)
  select b.journey_id, b.hour, b.version_id, s.node_id, s.kind, coalesce(s.port, ''),
         count(distinct s.run_id), count(*)
  from analytics_buckets(buckets) b join runs r on r.journey_id = b.journey_id and r.version_id = b.version_id
    and r.started_at >= b.hour and r.started_at < b.hour + interval '1 hour' and not r.preview
  join run_steps s on s.run_id = r.id and s.kind in ('entered', 'visited', 'took', 'ended')
  group by 1, 2, 3, 4, 5, 6;

  delete from analytics_messages_hourly a using analytics_buckets(buckets) b
  where a.journey_id = b.journey_id and a.hour = b.hour and a.version_id = b.version_id;
  execute analytics_messages_upsert(
    'select 1 as sign, m.* from analytics_buckets($1) b join runs r on r.journey_id = b.journey_id
       and r.version_id = b.version_id and r.started_at >= b.hour
       and r.started_at < b.hour + interval ''1 hour'' join messages m on m.run_id = r.id')
  using buckets;
end $$;

create function analytics_runs_deleted() returns trigger language plpgsql as $$
begin
  perform analytics_recount((
    select jsonb_agg(distinct jsonb_build_object('journey_id', journey_id,
      'hour', date_trunc('hour', started_at, 'UTC'), 'version_id', version_id))
    from old_runs where not preview))
  where exists (select 1 from old_runs where not preview);
  return null;
end $$;

create function analytics_messages_deleted() returns trigger language plpgsql as $$
begin
  perform analytics_recount((
    select jsonb_agg(distinct jsonb_build_object('journey_id', r.journey_id,
      'hour', date_trunc('hour', r.started_at, 'UTC'), 'version_id', r.version_id))
    from old_messages o join runs r on r.id = o.run_id where not r.preview))
  where exists (select 1 from old_messages o join runs r on r.id = o.run_id where not r.preview);
  return null;
end $$;

create trigger runs_analytics_insert after insert on runs
  referencing new table as new_runs for each statement execute function analytics_runs_inserted();
create trigger runs_analytics_delete after delete on runs
  referencing old table as old_runs for each statement execute function analytics_runs_deleted();
create trigger run_steps_analytics_insert after insert on run_steps
  referencing new table as new_steps for each statement execute function analytics_steps_inserted();
create trigger messages_analytics_insert after insert on messages
  referencing new table as new_messages for each statement execute function analytics_messages_changed();
create trigger messages_analytics_update after update on messages
  referencing old table as old_messages new table as new_messages
  for each statement execute function analytics_messages_changed();
create trigger messages_analytics_delete after delete on messages
  referencing old table as old_messages for each statement execute function analytics_messages_deleted();

-- What exists before this migration.
insert into analytics_runs_hourly (journey_id, hour, version_id, pilot_group, entered)
select journey_id, date_trunc('hour', started_at, 'UTC'), version_id, pilot_group, count(*)
from runs where not preview group by 1, 2, 3, 4;

insert into analytics_steps_hourly (journey_id, hour, version_id, node_id, kind, port, runs, times)
select r.journey_id, date_trunc('hour', r.started_at, 'UTC'), r.version_id, s.node_id, s.kind,
       coalesce(s.port, ''), count(distinct s.run_id), count(*)
from run_steps s join runs r on r.id = s.run_id
where not r.preview and s.kind in ('entered', 'visited', 'took', 'ended')
group by 1, 2, 3, 4, 5, 6;

do $$ begin execute analytics_messages_upsert('select 1 as sign, m.* from messages m'); end $$;

-- Raw reads: a journey's runs by entry time (conversions, partial hours at the edges of a range,
-- goal events after the run) and its runs in flight by node.
create index runs_analytics_idx on runs (journey_id, started_at)
  include (version_id, pilot_group, status, converted_at, contact_id, entry_key)
  where not preview;
create index runs_analytics_converted_idx on runs (journey_id, started_at)
  include (version_id, pilot_group, converted_at)
  where not preview and converted_at is not null;
create index runs_analytics_active_idx on runs (journey_id, current_node)
  include (version_id, started_at)
  where not preview and status = 'active';
