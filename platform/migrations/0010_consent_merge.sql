-- An opt-out the customer made (a STOP/BAJA reply, the provider saying so, the email unsubscribe
-- link) is not undone by a machine: an event's or a CSV import's `consent: true` leaves it withdrawn.
-- A person changing the contact on purpose (the contacts API, the editor) still can.
create function merge_consent(current jsonb, incoming jsonb) returns jsonb
language sql immutable as $$
  select coalesce(current, '{}'::jsonb) || coalesce((
    select jsonb_object_agg(n.key, n.value)
    from jsonb_each(coalesce(incoming, '{}'::jsonb)) n
    where not (
      coalesce((n.value ->> 'granted')::boolean, false)
      and n.value ->> 'source' in ('event', 'import')
      and (current -> n.key ->> 'granted')::boolean is false
      and current -> n.key ->> 'source' in ('reply', 'provider', 'unsubscribe')
    )
  ), '{}'::jsonb)
$$;
