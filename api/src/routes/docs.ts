import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { docsCsp } from '../http/content-security';

/**
 * The interactive API reference at /api/docs: Scalar's standalone bundle from the installed
 * `@scalar/api-reference` package, served by Ruta (no CDN: it works offline and no third-party
 * script runs on Ruta's origin), started by a small script of Ruta's own (no inline script).
 */
const SCALAR_BUNDLE = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')),
  'browser',
  'standalone.js',
);

/** Public paths of the reference (no credentials needed). */
export const DOCS_PATHS = ['/api/docs', '/api/docs/scalar.js', '/api/docs/start.js'];

const CONFIGURATION = {
  url: '/api/openapi.json',
  // Nothing leaves Ruta's origin: no web fonts, telemetry, MCP or AI helpers from Scalar's servers.
  withDefaultFonts: false,
  telemetry: false,
  mcp: { disabled: true },
  agent: { disabled: true },
  showDeveloperTools: 'never',
};
// Not `#api-reference`: the bundle mounts an element with that id by itself, without this config.
const START = `Scalar.createApiReference('#app', ${JSON.stringify(CONFIGURATION)});\n`;

let bundle: Promise<string> | undefined;
const JS_HEADERS = {
  'content-type': 'text/javascript; charset=utf-8',
  'cache-control': 'public, max-age=3600',
};

export const docs = new Hono()
  .get('/', (c) => {
    const nonce = randomBytes(16).toString('base64');
    c.header('Content-Security-Policy', docsCsp(nonce));
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" content="${nonce}">
<title>Ruta API</title>
</head>
<body>
<div id="app"></div>
<script src="/api/docs/scalar.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>`);
  })
  .get('/scalar.js', async (c) => {
    bundle ??= readFile(SCALAR_BUNDLE, 'utf8');
    return c.body(await bundle, 200, JS_HEADERS);
  })
  .get('/start.js', (c) => c.body(START, 200, JS_HEADERS));
