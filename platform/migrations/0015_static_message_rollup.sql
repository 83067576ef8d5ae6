-- Enrollment at the engine's cost (issue «Enrollment at the engine's cost», item 2): the messages
-- rollup trigger built its upsert as text and ran it with EXECUTE (0004), so PostgreSQL parsed and
-- planned it again on every insert and update of `messages` — two or more per message sent. The
-- same statements written out in the trigger function are planned once per session. What they
-- count is unchanged (0004's `analytics_messages_upsert` stays for `analytics_recount`).

create or replace function analytics_messages_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into analytics_messages_hourly as a (journey_id, hour, version_id, node_id, channel,
      sent, delivered, read, opened, clicked, replied, failed, held_out, cost)
    select r.journey_id, date_trunc('hour', r.started_at, 'UTC'), r.version_id, m.node_id, m.channel,
           count(*) filter (where m.sent_at is not null), count(*) filter (where m.delivered_at is not null),
           count(*) filter (where m.read_at is not null), count(*) filter (where m.opened_at is not null),
           count(*) filter (where m.clicked_at is not null), count(*) filter (where m.replied_at is not null),
           count(*) filter (where m.status = 'failed'), count(*) filter (where m.status = 'held_out'),
           coalesce(sum(m.cost) filter (where m.sent_at is not null), 0)
    from new_messages m join runs r on r.id = m.run_id
    where not r.preview and m.node_id is not null
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (journey_id, hour, version_id, node_id, channel) do update set
      sent = a.sent + excluded.sent, delivered = a.delivered + excluded.delivered,
      read = a.read + excluded.read, opened = a.opened + excluded.opened,
      clicked = a.clicked + excluded.clicked, replied = a.replied + excluded.replied,
      failed = a.failed + excluded.failed, held_out = a.held_out + excluded.held_out,
      cost = a.cost + excluded.cost;
  else
    -- Rows before (-1) and after (+1), only those whose counted fields changed (a content refresh
    -- moves nothing).
    insert into analytics_messages_hourly as a (journey_id, hour, version_id, node_id, channel,
      sent, delivered, read, opened, clicked, replied, failed, held_out, cost)
    select r.journey_id, date_trunc('hour', r.started_at, 'UTC'), r.version_id, m.node_id, m.channel,
           sum(m.sign * (m.sent_at is not null)::int), sum(m.sign * (m.delivered_at is not null)::int),
           sum(m.sign * (m.read_at is not null)::int), sum(m.sign * (m.opened_at is not null)::int),
           sum(m.sign * (m.clicked_at is not null)::int), sum(m.sign * (m.replied_at is not null)::int),
           sum(m.sign * (m.status = 'failed')::int), sum(m.sign * (m.status = 'held_out')::int),
           coalesce(sum(m.sign * m.cost) filter (where m.sent_at is not null), 0)
    from (
      select -1 as sign, o.* from old_messages o join new_messages n on n.id = o.id
      where (o.status, o.cost, o.sent_at, o.delivered_at, o.read_at, o.opened_at, o.clicked_at, o.replied_at)
        is distinct from (n.status, n.cost, n.sent_at, n.delivered_at, n.read_at, n.opened_at, n.clicked_at, n.replied_at)
      union all
      select 1, n.* from old_messages o join new_messages n on n.id = o.id
      where (o.status, o.cost, o.sent_at, o.delivered_at, o.read_at, o.opened_at, o.clicked_at, o.replied_at)
        is distinct from (n.status, n.cost, n.sent_at, n.delivered_at, n.read_at, n.opened_at, n.clicked_at, n.replied_at)
    ) m join runs r on r.id = m.run_id
    where not r.preview and m.node_id is not null
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (journey_id, hour, version_id, node_id, channel) do update set
      sent = a.sent + excluded.sent, delivered = a.delivered + excluded.delivered,
      read = a.read + excluded.read, opened = a.opened + excluded.opened,
      clicked = a.clicked + excluded.clicked, replied = a.replied + excluded.replied,
      failed = a.failed + excluded.failed, held_out = a.held_out + excluded.held_out,
      cost = a.cost + excluded.cost;
  end if;
  return null;
end $$;
