import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type History,
  historyFromJSON,
  historyToJSON,
} from '@temporalio/common/lib/proto-utils.js';
import { type ReplayResult, Worker } from '@temporalio/worker';
import { workflowBundlePath } from '../workflow-bundle';

export type { History };

/**
 * Recorded journey histories (proto JSON, the format `temporal workflow show --output json` and
 * the SDK's `historyFromJSON` use), one per template branch: `<template>-<branch>.json`.
 * They are replayed by `replay.test.ts` against the current workflow code. Keep old files: each
 * stands for runs that may still be in flight on the version of the code that recorded it.
 */
export const HISTORIES_DIR = fileURLToPath(
  new URL('../workflows/journey/tests/histories/', import.meta.url),
);

export interface StoredHistory {
  /** File name without `.json`, e.g. `abandoned_cart-tapped_buy`. */
  name: string;
  file: string;
  history: History;
}

export function eventCount(history: History): number {
  return history.events?.length ?? 0;
}

export async function historyFiles(dir = HISTORIES_DIR): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

export async function loadHistory(file: string): Promise<StoredHistory> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  return { name: path.basename(file, '.json'), file, history: historyFromJSON(json) };
}

export async function loadHistories(dir = HISTORIES_DIR): Promise<StoredHistory[]> {
  return Promise.all((await historyFiles(dir)).map(loadHistory));
}

/**
 * Writes one history as pretty-printed proto JSON. An existing file is kept unless `overwrite`:
 * recorded histories are the determinism contract for runs in flight, not test output.
 */
export async function saveHistory(
  name: string,
  history: History,
  options: { dir?: string; overwrite?: boolean } = {},
): Promise<{ file: string; written: boolean }> {
  const dir = options.dir ?? HISTORIES_DIR;
  const file = path.join(dir, `${name}.json`);
  if (!options.overwrite && (await stat(file).catch(() => undefined))) {
    return { file, written: false };
  }
  await mkdir(dir, { recursive: true });
  const pretty = `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`;
  await writeFile(file, pretty);
  return { file, written: true };
}

/**
 * Replays histories with the very workflow bundle the worker runs (`workflowBundlePath()`), one
 * result per history; a result with `error` (a `DeterminismViolationError` or `ReplayError`)
 * means the current code would break the runs that history stands for.
 */
export async function replayHistories(
  histories: ReadonlyArray<{ name: string; history: History }>,
  bundlePath?: string,
): Promise<Array<ReplayResult & { name: string }>> {
  const codePath = bundlePath ?? (await workflowBundlePath());
  const results: Array<ReplayResult & { name: string }> = [];
  const replay = Worker.runReplayHistories(
    { workflowBundle: { codePath }, replayName: 'ruta-journey-replay' },
    histories.map(({ name, history }) => ({ workflowId: `replay/${name}`, history })),
  );
  let index = 0;
  for await (const result of replay) {
    results.push({ ...result, name: histories[index]?.name ?? result.workflowId });
    index += 1;
  }
  return results;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RECORD_TEST_FILE = 'engine/src/workflows/journey/tests/record-histories.test.ts';

/**
 * Recording needs the test run's Temporal dev server and PostgreSQL (Vitest's global setup), so
 * the stand-alone entry point runs the recording test file under Vitest with recording switched on.
 */
export function recordHistoriesUnderVitest(mode: '1' | 'overwrite' = '1'): number {
  const vitest = path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const result = spawnSync(process.execPath, [vitest, 'run', RECORD_TEST_FILE], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, RUTA_RECORD_HISTORIES: mode },
  });
  return result.status ?? 1;
}
