import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  boundaryViolations,
  contextAllows,
  importedPackages,
  importSpecifiers,
  sourceFiles,
  type WorkspacePackage,
  workspacePackages,
} from './package-boundaries';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const packages = workspacePackages(ROOT);
const files = [
  ...packages.flatMap((pkg) => sourceFiles(pkg.dir)),
  ...sourceFiles(path.join(ROOT, 'scripts')),
];

describe('package boundaries', () => {
  test('no package imports another package’s internals', () => {
    expect(boundaryViolations(ROOT, packages, files)).toEqual([]);
  });

  test('each package’s CONTEXT.md names every @ruta package it imports', () => {
    const unnamed = packages.flatMap((pkg) => {
      const file = path.join(pkg.dir, 'CONTEXT.md');
      if (!existsSync(file)) return [`${pkg.name}: no CONTEXT.md`];
      const allowed = contextAllows(readFileSync(file, 'utf8'));
      if (!allowed) return [`${pkg.name}: CONTEXT.md has no "May import:" sentence`];
      if (allowed === 'all') return [];
      return importedPackages(pkg, files)
        .filter((name) => !allowed.includes(name))
        .map((name) => `${pkg.name} imports ${name}, which its CONTEXT.md does not allow`);
    });
    expect(unnamed).toEqual([]);
  });

  test('the API can load the engine’s signal definitions without workflow code', () => {
    const signals = readFileSync(
      path.join(ROOT, 'engine/src/workflows/journey/signals.ts'),
      'utf8',
    );
    const valueImports = [...signals.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)].map(
      (match) => match[1],
    );
    expect(valueImports).toEqual(['@temporalio/workflow']);
  });
});

describe('the boundary check', () => {
  const pkg = (name: string, entries: string[], dependsOn: string[] = []): WorkspacePackage => ({
    name: `@ruta/${name}`,
    dir: `/repo/${name}`,
    entries,
    dependsOn,
  });
  const repo = [pkg('engine', ['.', './testing']), pkg('api', ['.'], ['@ruta/engine'])];
  const check = (text: string, file = '/repo/api/src/routes/runs.test.ts') =>
    boundaryViolations('/repo', repo, [{ file, text }]).map((violation) => violation.specifier);

  test('allows public entries and the package’s own files', () => {
    expect(
      check(`import { exitSignal } from '@ruta/engine';
             import { startFakeGraphApi } from '@ruta/engine/testing';
             import { problem } from '../http/problem';`),
    ).toEqual([]);
  });

  test('refuses another package’s files by path, however they are imported', () => {
    expect(
      check(`import { a } from '../../../engine/src/channels/testing/fake-graph-api';
             export * from '../../../engine/src/index';
             const b = await import('../../../engine/src/worker');`),
    ).toEqual([
      '../../../engine/src/channels/testing/fake-graph-api',
      '../../../engine/src/index',
      '../../../engine/src/worker',
    ]);
  });

  test('refuses subpaths a package does not export and packages not declared', () => {
    expect(
      check(`import type { RunState } from '@ruta/engine/src/workflows/journey/types';`),
    ).toEqual(['@ruta/engine/src/workflows/journey/types']);
    expect(check(`import { createApp } from '@ruta/api';`, '/repo/engine/src/x.ts')).toEqual([
      '@ruta/api',
    ]);
  });

  test('reads imports from code, not from comments', () => {
    expect(
      importSpecifiers(`// import { x } from '../../engine/src/x';\nimport 'vitest';`),
    ).toEqual(['vitest']);
  });

  test('reads what a CONTEXT.md allows from its "May import:" sentence', () => {
    expect(
      contextAllows('May import: `@ruta/shared`, `@temporalio/*`. Never `@ruta/api`.'),
    ).toEqual(['@ruta/shared']);
    expect(contextAllows('May import: every `@ruta/*` package.')).toBe('all');
    expect(contextAllows('What lives here.')).toBeUndefined();
  });
});
