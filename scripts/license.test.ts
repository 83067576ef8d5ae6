import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { workspacePackages } from './package-boundaries';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('Ruta is Apache-2.0: the LICENSE file and every package.json say so', () => {
  const license = readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
  expect(license).toContain('Apache License\n                           Version 2.0, January 2004');
  expect(license).toContain('Copyright 2026 The Ruta authors');
  const manifests = [ROOT, ...workspacePackages(ROOT).map((pkg) => pkg.dir)].map((dir) => ({
    dir: path.relative(ROOT, dir) || '.',
    license: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).license,
  }));
  expect(manifests.filter((manifest) => manifest.license !== 'Apache-2.0')).toEqual([]);
});
