import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';

/** A workspace package as the boundary check sees it. */
export interface WorkspacePackage {
  name: string;
  /** Absolute directory. */
  dir: string;
  /** The keys of `exports` (`.`, `./testing`, …): the only ways in from another package. */
  entries: string[];
  /** Every `@ruta/*` package it declares in `dependencies` or `devDependencies`. */
  dependsOn: string[];
}

export interface SourceFile {
  /** Absolute path. */
  file: string;
  text: string;
}

export interface BoundaryViolation {
  /** Relative to the repository root. */
  file: string;
  specifier: string;
  reason: string;
}

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.ruta-data', 'artifacts', 'results']);

/** The workspace packages listed in pnpm-workspace.yaml, read from their package.json. */
export function workspacePackages(root: string): WorkspacePackage[] {
  const workspace = parse(readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8'));
  const dirs: string[] = workspace.packages;
  return dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    const declared = { ...manifest.dependencies, ...manifest.devDependencies };
    return {
      name: manifest.name,
      dir: path.join(root, dir),
      entries: Object.keys(manifest.exports ?? {}),
      dependsOn: Object.keys(declared).filter((name) => name.startsWith('@ruta/')),
    };
  });
}

/** Every TypeScript/JavaScript source under `dir`, skipping installs and build output. */
export function sourceFiles(dir: string): SourceFile[] {
  const found: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(file));
    else if (SOURCE.test(entry.name)) found.push({ file, text: readFileSync(file, 'utf8') });
  }
  return found;
}

/** The module specifiers a file imports: static, type-only, re-exports and dynamic `import()`. */
export function importSpecifiers(text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((imported) => imported.fileName);
}

function owner(packages: WorkspacePackage[], file: string): WorkspacePackage | undefined {
  return packages.find((pkg) => file === pkg.dir || file.startsWith(pkg.dir + path.sep));
}

/**
 * Where a file reaches into another package's internals: a relative path into another package
 * (or out of its own), an `@ruta/*` subpath that package does not export, or an `@ruta/*`
 * package its package.json does not declare.
 */
export function boundaryViolations(
  root: string,
  packages: WorkspacePackage[],
  files: SourceFile[],
): BoundaryViolation[] {
  const violations: BoundaryViolation[] = [];
  for (const { file, text } of files) {
    const home = owner(packages, file);
    const report = (specifier: string, reason: string) =>
      violations.push({ file: path.relative(root, file), specifier, reason });
    for (const specifier of importSpecifiers(text)) {
      if (specifier.startsWith('.')) {
        const target = owner(packages, path.resolve(path.dirname(file), specifier));
        if (target !== home) {
          const into = target ? `${target.name}'s files` : 'files outside any package';
          report(specifier, `reaches into ${into} by path; import a package's public entry`);
        }
        continue;
      }
      const match = /^(@ruta\/[^/]+)(\/.*)?$/.exec(specifier);
      if (!match) continue;
      const [, name = '', subpath] = match;
      const target = packages.find((pkg) => pkg.name === name);
      const entry = subpath ? `.${subpath}` : '.';
      if (!target) report(specifier, `${name} is not a workspace package`);
      else if (!target.entries.includes(entry))
        report(specifier, `${name} does not export "${entry}" (its exports: ${target.entries})`);
      else if (home && home !== target && !home.dependsOn.includes(name))
        report(specifier, `${home.name} does not declare ${name} in its package.json`);
    }
  }
  return violations;
}

/** The `@ruta/*` packages a package's files import (itself excluded). */
export function importedPackages(pkg: WorkspacePackage, files: SourceFile[]): string[] {
  const names = new Set<string>();
  for (const { file, text } of files) {
    if (!file.startsWith(pkg.dir + path.sep)) continue;
    for (const specifier of importSpecifiers(text)) {
      const name = /^@ruta\/[^/]+/.exec(specifier)?.[0];
      if (name && name !== pkg.name) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * The `@ruta/*` packages a CONTEXT.md allows, from the sentence that starts `May import:`;
 * `all` when it allows `@ruta/*`, undefined when there is no such sentence.
 */
export function contextAllows(context: string): string[] | 'all' | undefined {
  const sentence = /May import:(.*?)(?:\.\s|\.$)/s.exec(context)?.[1];
  if (sentence === undefined) return undefined;
  if (sentence.includes('@ruta/*')) return 'all';
  return [...sentence.matchAll(/@ruta\/[a-z-]+/g)].map((match) => match[0]);
}
