-- One definition of every number (issue «Inspect and prove», item 1): the canvas counts the
-- treatment group (the runs that got the journey) and shows the holdout apart, and a run removed
-- («Detener», «Sacar del flujo») is told from one that finished. The steps rollup therefore keeps
-- the run's pilot group, and an `ended` step keeps its outcome in `port` (`removed`, `converted`…).

alter table analytics_steps_hourly add column pilot_group text not null default 'treatment';
alter table analytics_steps_hourly drop constraint analytics_steps_hourly_pkey;
alter table analytics_steps_hourly
  add primary key (journey_id, hour, version_id, pilot_group, node_id, kind, port);

-- The port a step counts under: its output, or for `ended` the outcome the run ended with.
create function analytics_step_port(kind text, port text, detail jsonb) returns text
language sql immutable as $$
  select case when kind = 'ended' then coalesce(port, detail ->> 'outcome', '') else coalesce(port, '') end
$$;

create or replace function analytics_steps_inserted() returns trigger language plpgsql as $$
begin
  with batch as (
    select n.run_id, n.seq, n.node_id, n.kind, analytics_step_port(n.kind, n.port, n.detail) as port,
           row_number() over (partition by n.run_id, n.node_id, n.kind,
                              analytics_step_port(n.kind, n.port, n.detail) order by n.seq) as nth
    from new_steps n where n.kind in ('entered', 'visited', 'took', 'ended')
  ),
  firsts as (select run_id, min(seq) as seq from new_steps group by run_id),
  earlier as (
    select distinct s.run_id, s.node_id, s.kind, analytics_step_port(s.kind, s.port, s.detail) as port
    from firsts f join run_steps s on s.run_id = f.run_id and s.seq < f.seq
    where s.kind in ('entered', 'visited', 'took', 'ended')
  )
  insert into analytics_steps_hourly as a
    (journey_id, hour, version_id, pilot_group, node_id, kind, port, runs, times)
  select r.journey_id, date_trunc('hour', r.started_at, 'UTC'), r.version_id, r.pilot_group,
         b.node_id, b.kind, b.port,
         count(*) filter (where b.nth = 1 and e.run_id is null), count(*)
  from batch b join runs r on r.id = b.run_id
  left join earlier e on e.run_id = b.run_id and e.node_id = b.node_id and e.kind = b.kind and e.port = b.port
  where not r.preview
  group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
  on conflict (journey_id, hour, version_id, pilot_group, node_id, kind, port)
  do update set runs = a.runs + excluded.runs, times = a.times + excluded.times;
  return null;
end $$;

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
  insert into analytics_steps_hourly
    (journey_id, hour, version_id, pilot_group, node_id, kind, port, runs, times)
  select b.journey_id, b.hour, b.version_id, r.pilot_group, s.node_id, s.kind,
         analytics_step_port(s.kind, s.port, s.detail), count(distinct s.run_id), count(*)
  from analytics_buckets(buckets) b join runs r on r.journey_id = b.journey_id and r.version_id = b.version_id
    and r.started_at >= b.hour and r.started_at < b.hour + interval '1 hour' and not r.preview
  join run_steps s on s.run_id = r.id and s.kind in ('entered', 'visited', 'took', 'ended')
  group by 1, 2, 3, 4, 5, 6, 7
  on conflict (journey_id, hour, version_id, pilot_group, node_id, kind, port)
  do update set runs = excluded.runs, times = excluded.times;

  delete from analytics_messages_hourly a using analytics_buckets(buckets) b
  where a.journey_id = b.journey_id and a.hour = b.hour and a.version_id = b.version_id;
  execute analytics_messages_upsert(
    'select 1 as sign, m.* from analytics_buckets($1) b join runs r on r.journey_id = b.journey_id
       and r.version_id = b.version_id and r.started_at >= b.hour
       and r.started_at < b.hour + interval ''1 hour'' join messages m on m.run_id = r.id')
  using buckets;
end $$;

-- Counted again from the steps, by group and outcome.
delete from analytics_steps_hourly;
insert into analytics_steps_hourly
  (journey_id, hour, version_id, pilot_group, node_id, kind, port, runs, times)
select r.journey_id, date_trunc('hour', r.started_at, 'UTC'), r.version_id, r.pilot_group, s.node_id,
       s.kind, analytics_step_port(s.kind, s.port, s.detail), count(distinct s.run_id), count(*)
from run_steps s join runs r on r.id = s.run_id
where not r.preview and s.kind in ('entered', 'visited', 'took', 'ended')
group by 1, 2, 3, 4, 5, 6, 7;
