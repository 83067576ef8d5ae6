-- Contact CSV imports: one job per upload with its progress and every bad row found, plus the
-- validated rows staged until the whole file is known to be good (a file is imported whole or not at all).
-- Also the indexes the contacts list pages and filters by.

create table contact_imports (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  status text not null default 'processing' check (status in ('processing', 'completed', 'failed')),
  phase text not null default 'validating' check (phase in ('validating', 'importing', 'done')),
  dry_run boolean not null default false,
  file_name text,
  columns jsonb not null default '{}'::jsonb,       -- header as written → field or attribute it fills
  total_rows integer,                               -- known once the whole file has been read
  processed_rows integer not null default 0,        -- rows read (validating), then rows written (importing)
  created_count integer not null default 0,
  updated_count integer not null default 0,
  error_count integer not null default 0,
  errors jsonb not null default '[]'::jsonb,        -- [{ line, column, message }], the first 1,000
  failure text,                                     -- why a job failed as a whole (bad rows, interrupted, …)
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
create index contact_imports_workspace_idx on contact_imports (workspace_id, created_at desc);

-- Rows that passed validation, waiting for the rest of the file. Unlogged: a crash loses only jobs
-- that had not been applied yet, and those are reported as failed.
create unlogged table contact_import_rows (
  import_id uuid not null references contact_imports (id) on delete cascade,
  line integer not null,
  data jsonb not null,
  primary key (import_id, line)
);

create index contacts_created_idx on contacts (workspace_id, created_at desc, id desc);
create index contacts_tags_idx on contacts using gin (tags);
