import { type TestDatabase, testDatabase } from '@ruta/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { groupedEventStore } from './grouped-store';
import { type IncomingEvent, storeEvent } from './store-event';

let db: TestDatabase;
let workspaceId: string;

beforeAll(async () => {
  db = await testDatabase();
  const [workspace] = await db.sql<{ id: string }[]>`
    insert into workspaces (name) values ('Grouped ingest') returning id`;
  workspaceId = workspace?.id as string;
});
afterAll(() => db?.drop());

const event = (id: string, externalId: string, extra: Partial<IncomingEvent> = {}) => ({
  id,
  name: 'product_viewed',
  contact: { externalId, phone: '+5215512345678', firstName: 'Ana' },
  properties: { sku: id },
  ...extra,
});

describe('groupedEventStore', () => {
  test('events arriving together share one statement and answer as one by one would', async () => {
    const groups: number[] = [];
    const store = groupedEventStore(db.sql, { onGroup: (size) => groups.push(size) });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.store(workspaceId, event(`g-${i}`, `c-${i}`))),
    );
    const [count] = await db.sql<{ events: number; contacts: number }[]>`
      select (select count(*)::int from events where client_event_id like 'g-%') as events,
             (select count(*)::int from contacts where external_id like 'c-%') as contacts`;
    expect(count).toEqual({ events: 20, contacts: 20 });
    expect(groups).toEqual([20]);
    outcomes.forEach((outcome, i) => {
      expect(outcome.contact).toMatchObject({ external_id: `c-${i}`, first_name: 'Ana' });
      expect(outcome.contact).not.toHaveProperty('workspace_id');
      expect(outcome.stored).toMatchObject({ signals: [], journeys: [], repeat: false });
    });
    // The same answer storeEvent gives alone, field by field.
    const alone = await storeEvent(db.sql, workspaceId, event('g-alone', 'c-0'));
    expect(Object.keys(alone.contact).sort()).toEqual(
      Object.keys(outcomes[0]?.contact ?? {}).sort(),
    );
    expect(alone.contact.id).toBe(outcomes[0]?.contact.id);
  });

  test('one contact twice and one event id twice in a group apply in order', async () => {
    const groups: number[] = [];
    const store = groupedEventStore(db.sql, { onGroup: (size) => groups.push(size) });
    const [first, second, repeat] = await Promise.all([
      store.store(
        workspaceId,
        event('o-1', 'same', { contact: { externalId: 'same', firstName: 'Uno' } }),
      ),
      store.store(
        workspaceId,
        event('o-2', 'same', {
          contact: { externalId: 'same', lastName: 'Dos', attributes: { tier: 'gold' } },
        }),
      ),
      store.store(workspaceId, event('o-1', 'other')),
    ]);
    expect(first?.stored).toBeDefined();
    expect(second?.contact).toMatchObject({
      first_name: 'Uno',
      last_name: 'Dos',
      attributes: { tier: 'gold' },
    });
    expect(second?.contact.id).toBe(first?.contact.id);
    // The repeated id is a duplicate: nothing stored, the contact still answered.
    expect(repeat?.stored).toBeUndefined();
    expect(repeat?.contact.external_id).toBe('other');
    // Rounds: o-1 (same) alone — o-2 shares its contact, o-1 (other) its id — then those two together.
    expect(groups).toEqual([2]);
  });

  test('a new contact gets its zone from its phone; an existing one keeps its own', async () => {
    const groups: number[] = [];
    const store = groupedEventStore(db.sql, { onGroup: (size) => groups.push(size) });
    await db.sql`insert into contacts (workspace_id, external_id, time_zone)
                 values (${workspaceId}, 'tz-kept', 'America/Bogota')`;
    const [created, kept] = await Promise.all([
      store.store(workspaceId, event('tz-1', 'tz-new')),
      store.store(workspaceId, event('tz-2', 'tz-kept')),
    ]);
    expect(created?.contact.time_zone).toBe('America/Mexico_City');
    expect(kept?.contact.time_zone).toBe('America/Bogota');
    expect(groups).toEqual([2]);
  });

  test('a bad event fails alone; the others of its group are stored', async () => {
    const store = groupedEventStore(db.sql);
    const results = await Promise.allSettled([
      store.store(workspaceId, event('b-1', 'b-1')),
      store.store(workspaceId, event('b-2', 'b-2', { timestamp: 'not a time' })),
      store.store(workspaceId, event('b-3', 'b-3')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await db.sql<{ client_event_id: string }[]>`
      select client_event_id from events where client_event_id like 'b-%' order by 1`;
    expect(stored.map((r) => r.client_event_id)).toEqual(['b-1', 'b-3']);
  });
});
