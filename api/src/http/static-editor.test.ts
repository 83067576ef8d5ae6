import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { staticEditor } from './static-editor';

test('the editor’s files go compressed as the build wrote them (br, gz), with the CSP, plain otherwise', async () => {
  const dist = await mkdtemp(path.join(tmpdir(), 'ruta-dist-'));
  await mkdir(path.join(dist, 'assets'));
  const script = `console.log(${JSON.stringify('Ruta '.repeat(500))});`;
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(dist, 'assets/app-1a2b.js'), script);
  await writeFile(path.join(dist, 'assets/app-1a2b.js.br'), brotliCompressSync(script));
  await writeFile(path.join(dist, 'assets/app-1a2b.js.gz'), gzipSync(script));
  const app = staticEditor(dist);
  const br = await app.request('/assets/app-1a2b.js', {
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  expect(br.status).toBe(200);
  expect(br.headers.get('content-encoding')).toBe('br');
  expect(br.headers.get('vary')).toContain('Accept-Encoding');
  expect(br.headers.get('content-type')).toContain('javascript');
  expect(br.headers.get('content-security-policy')).toContain("script-src 'self'");
  const body = Buffer.from(await br.arrayBuffer());
  expect(body.length).toBeLessThan(script.length / 4);
  expect(brotliDecompressSync(body).toString()).toBe(script);

  const gz = await app.request('/assets/app-1a2b.js', { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers.get('content-encoding')).toBe('gzip');

  const plain = await app.request('/assets/app-1a2b.js');
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(await plain.text()).toBe(script);
});
