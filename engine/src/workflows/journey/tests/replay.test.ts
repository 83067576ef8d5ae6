import { journeyTemplates } from '@ruta/shared';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  eventCount,
  loadHistories,
  replayHistories,
  type StoredHistory,
} from '../../../testing/history-files';

/**
 * Determinism guard: every recorded history (histories/*.json, see record-histories.ts) replays
 * against the current workflow code, bundled exactly as the worker bundles it. A change to the
 * interpreter or a handler that would make runs in flight fail their next workflow task (a
 * different command, a timer more or less, an activity in another order) fails here; such
 * changes go behind `patched()`.
 */
let histories: StoredHistory[];

beforeAll(async () => {
  histories = await loadHistories();
});

describe('recorded journey histories replay on the current workflow code', () => {
  test('there is a recorded history for every template, and each is a whole run', () => {
    const templates = new Set(histories.map((h) => h.name.split('-')[0]));
    for (const template of journeyTemplates) expect(templates).toContain(template.id);
    expect(histories.length).toBeGreaterThanOrEqual(journeyTemplates.length * 2);
    for (const { name, history } of histories) {
      const events = history.events ?? [];
      expect(events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name, name).toBe(
        'journeyWorkflow',
      );
      // A whole run: the replay covers every branch's end, not just its start.
      expect(events.at(-1)?.workflowExecutionCompletedEventAttributes, name).toBeDefined();
      expect(eventCount(history), name).toBeGreaterThan(5);
    }
  });

  test('every history replays without a nondeterminism error', async () => {
    const results = await replayHistories(histories);
    expect(results.map((r) => r.name)).toEqual(histories.map((h) => h.name));
    const failures = results
      .filter((r) => r.error !== undefined)
      .map((r) => `${r.name}: ${r.error?.name}: ${r.error?.message}`);
    expect(failures).toEqual([]);
  });
});
