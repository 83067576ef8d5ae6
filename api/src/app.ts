import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './deps';
import { staticEditor } from './http/static-editor';
import { health } from './routes/health';

export function createApp(deps: AppDeps) {
  const api = new Hono<AppEnv>().route('/health', health);

  const app = new Hono<AppEnv>();
  app.use('*', secureHeaders());
  app.use('*', async function injectDeps(c, next) {
    c.set('deps', deps);
    await next();
  });
  app.route('/api', api);
  app.all('/api/*', (c) =>
    c.json(
      {
        type: 'about:blank',
        title: 'Not found',
        status: 404,
        detail: `No route ${c.req.method} ${c.req.path}`,
      },
      404,
    ),
  );
  if (deps.editorDist) app.route('/', staticEditor(deps.editorDist));
  app.onError((error, c) => {
    deps.log.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json({ type: 'about:blank', title: 'Internal error', status: 500 }, 500);
  });
  return app;
}
