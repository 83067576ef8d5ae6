import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));
const SOURCE_DIRS = [
  fileURLToPath(new URL('./workflows', import.meta.url)),
  fileURLToPath(new URL('../../shared/src', import.meta.url)),
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of SOURCE_DIRS) {
    for (const file of await sourceFiles(dir)) {
      hash.update(file);
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The workflow bundle as a file, built once per version of the workflow sources and reused by
 * every worker and test suite (bundling takes seconds; replaying a bundle costs nothing).
 */
export async function workflowBundlePath(
  cacheDir = process.env.RUTA_WORKFLOW_BUNDLE_DIR ??
    path.join(os.tmpdir(), 'ruta-workflow-bundles'),
) {
  const file = path.join(cacheDir, `workflows-${await sourceHash()}.js`);
  if (await stat(file).catch(() => undefined)) return file;
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger });
  await mkdir(cacheDir, { recursive: true });
  // Unique per call: two workers created at once in one process both bundle on a cold cache.
  const staging = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(staging, code);
  await rename(staging, file);
  return file;
}

const noop = () => {};
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop };
