import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIOME = path.join(ROOT, 'node_modules/.bin/biome');

/** Every way to name a Node built-in: `fs` and `node:fs`, `fs/promises` and `node:fs/promises`. */
const SPECIFIERS = [
  ...new Set(
    builtinModules.flatMap((name) =>
      name.startsWith('node:') || name.startsWith('_') ? [name] : [name, `node:${name}`],
    ),
  ),
];

const scratch = mkdtempSync(path.join(tmpdir(), 'ruta-workflow-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The specifiers Biome refuses in a file at `file`, linted with the repository's biome.json. */
function refused(file: string, specifiers: string[]): string[] {
  const probe = path.join(scratch, file);
  mkdirSync(path.dirname(probe), { recursive: true });
  copyFileSync(path.join(ROOT, 'biome.json'), path.join(scratch, 'biome.json'));
  const imports = specifiers.map((specifier, i) => `import * as m${i} from '${specifier}';`);
  const used = `export const all = [${specifiers.map((_, i) => `m${i}`).join(', ')}];`;
  writeFileSync(probe, `${[...imports, used].join('\n')}\n`);
  const lint = spawnSync(
    BIOME,
    ['lint', '--vcs-enabled=false', '--reporter=json', '--max-diagnostics=none', file],
    { cwd: scratch, encoding: 'utf8' },
  );
  const report = JSON.parse(lint.stdout) as {
    diagnostics: { category: string; location: { start: { line: number } } }[];
  };
  const lines = report.diagnostics
    .filter((d) => /noNodejsModules|noRestrictedImports/.test(d.category))
    .map((d) => d.location.start.line);
  return specifiers.filter((_, i) => lines.includes(i + 1));
}

describe('workflow code lint', () => {
  test('refuses every Node built-in in workflow code, however it is named', () => {
    const refusedHere = refused('engine/src/workflows/journey/probe.ts', SPECIFIERS);
    expect(SPECIFIERS.filter((specifier) => !refusedHere.includes(specifier))).toEqual([]);
  });

  test('leaves activities free to use them', () => {
    expect(refused('engine/src/activities/probe.ts', ['node:dns', 'node:https'])).toEqual([]);
  });
});
