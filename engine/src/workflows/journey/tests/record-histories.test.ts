import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { saveHistory } from '../../../testing/history-files';
import { type JourneyHarness, startJourneyHarness } from '../../../testing/journey-harness';
import {
  historyName,
  historyScenarios,
  type RecordedHistory,
  recorderHooks,
  recordScenario,
} from './record-histories';

/**
 * Not a check: the recorder behind `replay.test.ts` (see record-histories.ts). Off unless
 * RUTA_RECORD_HISTORIES is `1` (write missing histories) or `overwrite` (re-record all).
 * RUTA_RECORD_HISTORIES_TAG=<tag> writes `<template>-<branch>.<tag>.json` next to the existing
 * files: a new generation after a `patched()` change, keeping the old ones replaying.
 */
const mode = process.env.RUTA_RECORD_HISTORIES;
const tag = process.env.RUTA_RECORD_HISTORIES_TAG;

if (mode !== '1' && mode !== 'overwrite') {
  test.skip('recording is off — run with RUTA_RECORD_HISTORIES=1 (missing files) or =overwrite to record journey histories', () => {});
} else {
  let h: JourneyHarness;
  const recorded: RecordedHistory[] = [];
  beforeAll(async () => {
    h = await startJourneyHarness({
      activityDeps: { afterProviderAccepted: (id) => recorderHooks.afterAccepted?.(id) },
    });
  });
  afterAll(async () => {
    await h?.stop();
    if (recorded.length > 0) {
      const table = recorded.map((r) => `| ${r.name} | ${r.outcome} | ${r.events} |`).join('\n');
      console.log(`| history | outcome | events |\n|---|---|---|\n${table}`);
    }
  });

  describe('record journey histories', () => {
    for (const scenario of historyScenarios) {
      test(historyName(scenario), async () => {
        const result = await recordScenario(h, scenario);
        recorded.push(result);
        const name = tag ? `${result.name}.${tag}` : result.name;
        const { written } = await saveHistory(name, result.history, {
          overwrite: mode === 'overwrite',
        });
        expect(typeof written).toBe('boolean');
      });
    }
  });
}
