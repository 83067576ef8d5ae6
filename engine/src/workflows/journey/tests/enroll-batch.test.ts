import type { ReentrySettings } from '@ruta/shared';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { enrollMany } from '../../../enrollment/enroll';
import { defineJourney } from '../../../testing/definitions';
import {
  type JourneyHarness,
  started,
  startJourneyHarness,
} from '../../../testing/journey-harness';

let h: JourneyHarness;
beforeAll(async () => {
  h = await startJourneyHarness();
});
afterAll(() => h?.stop());

/** A segment-style journey: one SMS, then an hour's wait, with the given re-entry rule. */
function holdJourney(reentry: ReentrySettings) {
  return defineJourney({
    nodes: {
      hello: {
        type: 'send',
        channel: 'sms',
        content: { sms: { text: 'Hola, {{ contact.first_name }}' } },
        exitPorts: ['failed'],
      },
      hold: {
        type: 'wait',
        until: { kind: 'duration', duration: { amount: 1, unit: 'hours' } },
        exitPorts: ['next'],
      },
    },
    links: [
      ['trigger', 'next', 'hello'],
      ['hello', 'sent', 'hold'],
    ],
    settings: { reentry },
  });
}

const contacts = (n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => h.contact({ firstName: `C${i}` })));

describe('a sweep page enrolls its contacts in one statement', () => {
  test('each contact gets the answer the re-entry rule gives it alone, in the order asked', async ({
    expect,
  }) => {
    const journey = await h.publish(holdJourney({ mode: 'never' }));
    const [ended, active, ...fresh] = await contacts(42);
    if (!ended || !active) throw new Error('no contacts');
    const gone = started(await h.enroll(journey, ended));
    await h.exit(gone.workflowId);
    await h.ended(gone.runId);
    const going = started(await h.enroll(journey, active));
    await h.waitingAt(going.runId, 'hold');

    const asked = [fresh[0], ended, ...fresh.slice(1, 20), active, ...fresh.slice(20)] as string[];
    const results = await enrollMany(
      h.target,
      asked.map((id) => h.request(journey, id)),
      8,
    );

    expect(results).toHaveLength(asked.length);
    expect(results[1]).toMatchObject({ status: 'skipped', reason: 'reentry_never' });
    expect(results[21]).toEqual({
      status: 'already_in_journey',
      runId: going.runId,
      workflowId: going.workflowId,
    });
    const news = results.filter((_, i) => i !== 1 && i !== 21);
    expect(news.every((r) => r.status === 'started')).toBe(true);
    // Each answer is its own contact's: the run it names belongs to the contact asked for.
    const runs = await h.sql<{ id: string; contact_id: string }[]>`
      select id, contact_id from runs where journey_id = ${journey.journeyId}`;
    const owner = new Map(runs.map((r) => [r.id, r.contact_id]));
    results.forEach((result, i) => {
      if ('runId' in result) expect(owner.get(result.runId)).toBe(asked[i]);
    });
    expect(runs).toHaveLength(2 + fresh.length);
    // Every new run started on Temporal, sent its one message and waits.
    for (const result of news) {
      const run = started(result);
      await h.waitingAt(run.runId, 'hold');
      expect(await h.messages(run.runId)).toHaveLength(1);
    }
    expect(await h.messages(going.runId)).toHaveLength(1);
    // The starts left the outbox marked delivered: nothing left for the dispatcher.
    const [waiting] = await h.sql<{ n: number }[]>`
      select count(*)::int as n from signal_outbox o join runs r on r.id = o.run_id
      where r.journey_id = ${journey.journeyId} and o.delivered_at is null`;
    expect(waiting?.n).toBe(0);
  });

  test.for([{ mode: 'never' }, { mode: 'after_exit' }] as ReentrySettings[])(
    'two overlapping batches at once still make one run per contact (%o)',
    async (reentry, { expect }) => {
      const journey = await h.publish(holdJourney(reentry));
      const ids = await contacts(30);
      const [a, b] = await Promise.all([
        enrollMany(
          h.target,
          ids.slice(0, 20).map((id) => h.request(journey, id)),
          8,
        ),
        enrollMany(
          h.target,
          ids
            .slice(10)
            .reverse()
            .map((id) => h.request(journey, id)),
          8,
        ),
      ]);
      const startedIn = [...a, ...b].filter((r) => r.status === 'started').length;
      expect(startedIn).toBe(30);
      const repeats = [...a, ...b].filter((r) => r.status !== 'started');
      expect(repeats).toHaveLength(10);
      expect(repeats.every((r) => r.status === 'already_in_journey')).toBe(true);
      const [count] = await h.sql<{ runs: number; contacts: number }[]>`
      select count(*)::int as runs, count(distinct contact_id)::int as contacts
      from runs where journey_id = ${journey.journeyId}`;
      expect(count).toEqual({ runs: 30, contacts: 30 });
    },
  );
});
