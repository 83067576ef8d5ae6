import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { EDITOR_CSP } from './content-security';

/**
 * Serves the built editor; any non-file path gets index.html (client-side routing). Every answer
 * carries the editor's Content-Security-Policy (own scripts, styles and API only).
 */
export function staticEditor(distDir: string) {
  const app = new Hono();
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use('*', async function editorCsp(c, next) {
    await next();
    c.res.headers.set('Content-Security-Policy', EDITOR_CSP);
  });
  app.use(
    '/assets/*',
    serveStatic({
      root,
      // The build writes .br and .gz beside each file (scripts/precompress.ts): sent as they are.
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', async (c) => {
    const html = await readFile(path.join(distDir, 'index.html'), 'utf8').catch(() => undefined);
    if (!html)
      return c.text(
        'The editor is not built. Run `pnpm build` (the start command does it for you).',
        503,
      );
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });
  return app;
}
