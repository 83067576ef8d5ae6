import { getJourneyTemplate, type JourneyDefinition } from '@ruta/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordEnrollment } from '../enrollment/enroll';
import { withShortDurations } from '../testing/fixtures';
import { type JourneyHarness, started, startJourneyHarness } from '../testing/journey-harness';
import { startOutboxDispatcher } from './dispatcher';
import { reconcileRuns } from './reconcile';

/**
 * A run marked active with no workflow behind it (a "ghost": its start never reached Temporal, or
 * its workflow was terminated by hand before its first checkpoint) is found and repaired.
 */
let h: JourneyHarness;
let definition: JourneyDefinition;
beforeAll(async () => {
  h = await startJourneyHarness();
  const template = getJourneyTemplate('abandoned_cart');
  if (!template) throw new Error('abandoned_cart template missing');
  definition = withShortDurations(template.definition, 600);
});
afterAll(() => h?.stop());

const reconcile = () => reconcileRuns({ sql: h.sql, temporal: h.client, taskQueue: h.taskQueue });

async function deliverQueued() {
  const dispatcher = startOutboxDispatcher({
    sql: h.sql,
    temporal: h.client,
    log: h.log,
    taskQueue: h.taskQueue,
    intervalMs: 60_000,
  });
  try {
    return await dispatcher.pass();
  } finally {
    await dispatcher.stop();
  }
}

describe('the reconciler', () => {
  test('starts a run recorded before the outbox existed, whose workflow never started', async () => {
    const journey = await h.publish(definition);
    const contactId = await h.contact({ firstName: 'Ana' });
    const event = await h.recordEvent(contactId, 'cart_abandoned', {
      cart_id: 'ghost-1',
      cart_total: '$10',
      item_count: 1,
      cart_url: 'u',
    });
    const [ghost] = await h.sql<{ id: string }[]>`
      insert into runs (workspace_id, journey_id, version_id, contact_id, workflow_id, entry_key,
                        trigger_event_id, started_at)
      values (${h.workspaceId}, ${journey.journeyId}, ${journey.versionId}, ${contactId},
              ${`${h.taskQueue}/ghost-1`}, 'ghost-1', ${event.id}, now() - interval '10 minutes')
      returning id`;
    expect(await reconcile()).toEqual({ restarted: 1, closed: 0 });
    expect(await deliverQueued()).toBe(1);
    const run = await h.waitingAt(ghost?.id as string, 'wait_cart');
    expect(run.temporal_run_id).not.toBeNull();
    expect(await h.messages(ghost?.id as string)).toHaveLength(1);
    // Confirmed: nothing more to repair.
    expect(await reconcile()).toEqual({ restarted: 0, closed: 0 });
  });

  test('delivers again a start marked delivered whose workflow Temporal does not have', async () => {
    const journey = await h.publish(definition);
    const contactId = await h.contact({ firstName: 'Bea' });
    const event = await h.recordEvent(contactId, 'cart_abandoned', {
      cart_id: 'lost-1',
      cart_total: '$1',
      item_count: 1,
      cart_url: 'u',
    });
    const { result, rows } = await recordEnrollment(
      h.sql,
      h.target,
      h.request(journey, contactId, { triggerEvent: event }),
    );
    const runId = started(result).runId;
    // Marked delivered, yet Temporal never got it (a crash that lost the start).
    await h.sql`update signal_outbox set delivered_at = now() where id = ${rows[0]?.id as string}`;
    await h.sql`update runs set started_at = now() - interval '10 minutes' where id = ${runId}`;
    expect(await reconcile()).toEqual({ restarted: 1, closed: 0 });
    expect(await deliverQueued()).toBe(1);
    await h.waitingAt(runId, 'wait_cart');
    expect(await h.messages(runId)).toHaveLength(1);
  });

  test('closes a run whose workflow was terminated before it confirmed itself', async () => {
    const journey = await h.publish(definition);
    const contactId = await h.contact({ firstName: 'Eva' });
    const result = started(
      await h.enroll(journey, contactId, {
        event: {
          name: 'cart_abandoned',
          properties: { cart_id: 'gone-1', cart_total: '$1', item_count: 1, cart_url: 'u' },
        },
      }),
    );
    await h.waitingAt(result.runId, 'wait_cart');
    await h.client.workflow.getHandle(result.workflowId).terminate('test');
    // As if it had been terminated before its first checkpoint.
    await h.sql`
      update runs set temporal_run_id = null, started_at = now() - interval '10 minutes'
      where id = ${result.runId}`;
    expect(await reconcile()).toEqual({ restarted: 0, closed: 1 });
    expect(await h.run(result.runId)).toMatchObject({
      status: 'failed',
      outcome: 'ended_in_temporal',
    });
  });

  test('closes a confirmed run whose workflow ended in Temporal without its last checkpoint', async () => {
    const journey = await h.publish(definition);
    const contactId = await h.contact({ firstName: 'Flor' });
    const result = started(
      await h.enroll(journey, contactId, {
        event: {
          name: 'cart_abandoned',
          properties: { cart_id: 'failed-1', cart_total: '$1', item_count: 1, cart_url: 'u' },
        },
      }),
    );
    await h.waitingAt(result.runId, 'wait_cart');
    // Its workflow fails (a bug, a terminate by hand): Ruta still has the run as waiting.
    await h.client.workflow.getHandle(result.workflowId).terminate('test');
    await h.sql`update runs set updated_at = now() - interval '10 minutes' where id = ${result.runId}`;
    const { closed } = await reconcile();
    expect(closed).toBeGreaterThanOrEqual(1);
    expect(await h.run(result.runId)).toMatchObject({
      status: 'failed',
      outcome: 'ended_in_temporal',
    });
  });
});
