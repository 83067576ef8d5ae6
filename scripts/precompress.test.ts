import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { precompressDir } from './precompress';

test('every text file of a build gets a .br and a .gz that decompress to it; tiny files and images do not', async () => {
  const dist = await mkdtemp(path.join(tmpdir(), 'ruta-precompress-'));
  await mkdir(path.join(dist, 'assets'));
  const js = `export const x = ${JSON.stringify('journey '.repeat(400))};`;
  await writeFile(path.join(dist, 'assets/a.js'), js);
  await writeFile(path.join(dist, 'assets/tiny.css'), 'a{b:c}');
  await writeFile(path.join(dist, 'assets/logo.png'), Buffer.alloc(4096, 1));
  expect(await precompressDir(dist)).toEqual({ files: 1 });
  const br = await readFile(path.join(dist, 'assets/a.js.br'));
  const gz = await readFile(path.join(dist, 'assets/a.js.gz'));
  expect(brotliDecompressSync(br).toString()).toBe(js);
  expect(gunzipSync(gz).toString()).toBe(js);
  expect(br.length).toBeLessThan(js.length / 4);
  await expect(readFile(path.join(dist, 'assets/tiny.css.br'))).rejects.toThrow();
  await expect(readFile(path.join(dist, 'assets/logo.png.br'))).rejects.toThrow();
});
