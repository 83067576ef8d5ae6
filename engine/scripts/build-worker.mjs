#!/usr/bin/env node
// Compiles a worker entry (TypeScript) to one JavaScript file, so the worker process runs without
// tsx: tsx's loader also rides into Temporal's workflow thread, and compiling on the fly costs
// memory in both (BENCHMARKS.md, "Worker memory").
//   node engine/scripts/build-worker.mjs                      engine/src/worker-main.ts → engine/dist/worker-main.mjs
//   node engine/scripts/build-worker.mjs <entry.ts> <out.mjs> any other worker entry (the bench's)
// The workspace's own packages (@ruta/*) are bundled; every package from node_modules stays a
// separate import, loaded from where pnpm installed it (native code, workers, files read at run time).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Bare imports (packages); the workspace's own (@ruta/*) are bundled. */
const BARE = /^[^./]/;

/**
 * Externals imported by a path relative to the output file: pnpm installs a package only where it
 * is declared, so a bare `pino` would not resolve from engine/dist/. The path is the file esbuild
 * resolves for the import (same conditions as Node's), so Node loads the very same module.
 */
function nodeModulesExternal(outDir) {
  return {
    name: 'node-modules-external',
    setup(b) {
      b.onResolve({ filter: BARE }, async (args) => {
        if (args.pluginData === 'resolving' || /^(node:|@ruta\/)/.test(args.path)) return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'resolving',
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        // Node built-ins without the node: prefix (esbuild marks them external already).
        if (resolved.external) return { path: args.path, external: true };
        let relative = path.relative(outDir, resolved.path).split(path.sep).join('/');
        if (!relative.startsWith('.')) relative = `./${relative}`;
        return { path: relative, external: true };
      });
    },
  };
}

/**
 * `import.meta.url` keeps meaning the source file (relative to the output file, so the build moves
 * with the checkout or the image): the workflow bundle and the migrations are found from it.
 */
function sourceImportMetaUrl(outDir) {
  return {
    name: 'source-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const relative = path.relative(outDir, args.path).split(path.sep).join('/');
        return {
          contents: source.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
          ),
          loader: 'ts',
        };
      });
    },
  };
}

export async function buildWorker(
  entry = path.join(REPO, 'engine/src/worker-main.ts'),
  outfile = path.join(REPO, 'engine/dist/worker-main.mjs'),
) {
  const outDir = path.dirname(path.resolve(outfile));
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Node's conditions only (esbuild adds `module` by default), so each external is the file Node
    // itself would load for that package: one instance of @temporalio/common, not two.
    conditions: [],
    plugins: [nodeModulesExternal(outDir), sourceImportMetaUrl(outDir)],
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [entry, outfile] = process.argv.slice(2).map((p) => path.resolve(p));
  const built = await buildWorker(entry, outfile);
  console.log(`worker built: ${path.relative(process.cwd(), built)}`);
}
