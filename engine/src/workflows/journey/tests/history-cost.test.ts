import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventCount, loadHistories, type StoredHistory } from '../../../testing/history-files';
import { type JourneyHarness, startJourneyHarness } from '../../../testing/journey-harness';
import { abandonedCartScenarios, historyName, recordScenario } from './record-histories';

/**
 * History cost: Temporal bills and limits by history events, and a run's history is replayed
 * whenever its worker loses it from cache. One abandoned-cart enrollment costs 14–33 events per
 * branch today (one local activity marker per journal flush, one activity per send, one timer
 * per wait); these bounds are generous and only catch a regression such as an activity per node
 * or a flush per step.
 */
const ABANDONED_CART_MAX_EVENTS = 60;
const ANY_TEMPLATE_MAX_EVENTS = 100;

let recorded: StoredHistory[];
let h: JourneyHarness | undefined;

beforeAll(async () => {
  recorded = await loadHistories();
});
afterAll(() => h?.stop());

describe('history cost per enrollment', () => {
  test(`each recorded abandoned-cart branch takes at most ${ABANDONED_CART_MAX_EVENTS} events`, () => {
    const cart = recorded.filter((r) => r.name.startsWith('abandoned_cart-'));
    expect(cart.length).toBeGreaterThanOrEqual(5);
    const over = cart
      .map((r) => ({ name: r.name, events: eventCount(r.history) }))
      .filter((r) => r.events > ABANDONED_CART_MAX_EVENTS);
    expect(over).toEqual([]);
  });

  test(`every recorded history takes at most ${ANY_TEMPLATE_MAX_EVENTS} events`, () => {
    const over = recorded
      .map((r) => ({ name: r.name, events: eventCount(r.history) }))
      .filter((r) => r.events > ANY_TEMPLATE_MAX_EVENTS);
    expect(over).toEqual([]);
  });

  // Recorded files only change when someone re-records them; the current code is measured live.
  test('the current code stays within the bound on a signal branch and a timeout branch', async () => {
    h = await startJourneyHarness();
    for (const branch of ['tapped_buy', 'timeout_no_response']) {
      const scenario = abandonedCartScenarios.find((s) => s.branch === branch);
      if (!scenario) throw new Error(`no scenario ${branch}`);
      const live = await recordScenario(h, scenario);
      expect(live.events, historyName(scenario)).toBeLessThanOrEqual(ABANDONED_CART_MAX_EVENTS);
      expect(live.events, historyName(scenario)).toBeGreaterThan(10);
    }
  });
});
