import type { Sql } from '@ruta/platform';

/**
 * The hand-written side's own tables (in the bench's database, apart from Ruta's): the schema a
 * team would write for a cart flow without Ruta — contacts, the events they send, the messages
 * sent and the provider's side of the wire (as Ruta's sandbox provider keeps it).
 */
export async function createHandwrittenSchema(sql: Sql): Promise<void> {
  await sql.unsafe(`
    create table if not exists hw_contacts (
      id uuid primary key default gen_random_uuid(),
      external_id text not null unique,
      phone text,
      first_name text,
      consent jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table if not exists hw_events (
      id uuid primary key default gen_random_uuid(),
      client_event_id text not null unique,
      contact_id uuid not null references hw_contacts (id),
      name text not null,
      properties jsonb not null,
      occurred_at timestamptz not null default now()
    );
    create table if not exists hw_messages (
      id uuid primary key default gen_random_uuid(),
      workflow_id text not null,
      contact_id uuid not null references hw_contacts (id),
      step text not null,
      channel text not null,
      idempotency_key text not null unique,
      content jsonb not null,
      status text not null default 'pending',
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create table if not exists hw_deliveries (
      idempotency_key text primary key,
      message_id uuid not null,
      recipient text not null,
      payload jsonb not null,
      delivered_at timestamptz not null default now()
    );
    alter table hw_contacts add column if not exists last_order_at timestamptz;`);
}
