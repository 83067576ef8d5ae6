-- One active run per workflow id, kept by the database itself (BENCHMARKS.md, enrollment): an
-- enrollment is one statement (insert … on conflict do nothing) instead of a transaction that took
-- an advisory lock, read the last run and inserted — five round trips per enrolled contact.
create unique index runs_one_active_idx on runs (workflow_id) where status = 'active';
