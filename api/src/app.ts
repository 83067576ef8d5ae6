import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { authorize } from './access/authorize';
import { createApiKeyCache } from './auth/api-key-cache';
import { dummyPasswordHash } from './auth/passwords';
import type { AppDeps, AppEnv } from './deps';
import { authenticate } from './http/authenticate';
import { API_CSP } from './http/content-security';
import { fromHttpException } from './http/http-exception';
import { ProblemError, problemBody, problemResponse } from './http/problem';
import { rateLimit } from './http/rate-limit';
import { requestGuard } from './http/request-guard';
import { staticEditor } from './http/static-editor';
import {
  databaseUnavailable,
  engineUnavailable,
  isDatabaseUnavailable,
  isEngineUnavailable,
  markDatabaseDown,
  whileDatabaseDown,
} from './http/unavailable';
import { validationHook } from './http/validation';
import { analytics } from './routes/analytics';
import { apiKeys } from './routes/api-keys';
import { auditLog } from './routes/audit';
import { privateAuth, publicAuth } from './routes/auth';
import { channels } from './routes/channels';
import { CONTACT_IMPORT_PATH, contacts } from './routes/contacts';
import { DOCS_PATHS, docs } from './routes/docs';
import { events } from './routes/events';
import { handoffs } from './routes/handoffs';
import { health } from './routes/health';
import { invitations } from './routes/invitations';
import { journeys } from './routes/journeys';
import { me } from './routes/me';
import { members } from './routes/members';
import { runs } from './routes/runs';
import { sandbox } from './routes/sandbox';
import { sources } from './routes/sources';
import { templates } from './routes/templates';
import { webhookReceipts } from './routes/webhook-receipts';
import { whatsappTemplates } from './routes/whatsapp-templates';
import { workspace } from './routes/workspace';
import { segmentApi } from './sources/receive';
import { documentWebhooks } from './webhooks/openapi';
import { webhooks } from './webhooks/routes';
import { tracking } from './webhooks/tracking';

/** Routes anyone may call; every other /api route needs a session or an API key. */
export const PUBLIC_API_PATHS = [
  '/api/health',
  '/api/auth/login',
  '/api/openapi.json',
  ...DOCS_PATHS,
  '/api/invitations/:token',
  '/api/invitations/:token/accept',
];

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function createApp(appDeps: AppDeps) {
  const deps = { ...appDeps, apiKeyCache: appDeps.apiKeyCache ?? createApiKeyCache() };
  // The first unknown-email login should not pay for the dummy hash on top of its own check.
  void dummyPasswordHash();
  const priv = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  priv.use('*', authenticate());
  priv.use('*', authorize());
  priv.use('/events', rateLimit(deps.config.ingestRate ?? { perSecond: 100, burst: 500 }));
  const privateRoutes = priv
    .route('/me', me)
    .route('/auth', privateAuth)
    .route('/templates', templates)
    .route('/journeys', journeys)
    .route('/journeys', analytics)
    .route('/runs', runs)
    .route('/contacts', contacts)
    .route('/events', events)
    .route('/sandbox', sandbox)
    .route('/channels', channels)
    .route('/whatsapp-templates', whatsappTemplates)
    .route('/webhook-receipts', webhookReceipts)
    .route('/members', members)
    .route('/api-keys', apiKeys)
    .route('/audit', auditLog)
    .route('/workspace', workspace)
    .route('/sources', sources)
    .route('/handoffs', handoffs);

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false }));
  // A strict policy by default; the editor, the API reference and tracking pages set their own.
  app.use('*', async function defaultCsp(c, next) {
    await next();
    if (!c.res.headers.has('Content-Security-Policy'))
      c.res.headers.set('Content-Security-Policy', API_CSP);
  });
  if (deps.config.editorOrigin)
    app.use('/api/*', cors({ origin: deps.config.editorOrigin, credentials: true }));
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      problemResponse(
        c,
        problemBody('body_too_large', { megabytes: MAX_BODY_BYTES / 1024 / 1024 }),
      ),
  });
  // The CSV import streams its body under its own 50 MB limit (contacts/csv-upload.ts).
  app.use('/api/*', (c, next) =>
    c.req.path === CONTACT_IMPORT_PATH ? next() : jsonBodyLimit(c, next),
  );
  app.use('/webhooks/*', jsonBodyLimit);
  app.use('/v1/*', jsonBodyLimit);
  const guard = requestGuard();
  // The streamed CSV import checks its own rows (contacts/csv-row.ts); the rest is checked here.
  app.use('/api/*', (c, next) => (c.req.path === CONTACT_IMPORT_PATH ? next() : guard(c, next)));
  app.use('/webhooks/*', guard);
  app.use('/v1/*', guard);
  app.use('/t/*', guard);
  app.use('*', async function injectDeps(c, next) {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', whileDatabaseDown());
  app.use('/webhooks/*', whileDatabaseDown());
  app.use('/v1/*', whileDatabaseDown());
  const publicRoutes = app
    .route('/api/health', health)
    .route('/api/auth', publicAuth)
    .route('/api/invitations', invitations);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Ruta API',
      version: '1',
      description:
        'Journeys, contacts, events, runs and the sandbox. Authenticate with the session cookie from POST /api/auth/login, or `Authorization: Bearer <workspace API key>`.',
    },
    servers: [{ url: deps.config.publicUrl }],
    security: [{ apiKey: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
  });
  documentWebhooks(app);
  app.route('/api/docs', docs);
  // Private routes last: their authentication middleware must not shadow the public ones above.
  const routes = publicRoutes.route('/api', privateRoutes);
  app.all('/api/*', (c) =>
    problemResponse(c, problemBody('route_not_found', { method: c.req.method, path: c.req.path })),
  );
  // Public by design: providers and mail clients call these; signatures authenticate them.
  app.route('/webhooks', webhooks);
  // Segment's HTTP Tracking API: the write key (Basic auth user name) authenticates each call.
  app.route('/v1', segmentApi);
  app.route('/t', tracking);
  if (deps.editorDist) app.route('/', staticEditor(deps.editorDist));
  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      if (typeof error.problem.retryAfter === 'number')
        c.header('Retry-After', String(error.problem.retryAfter));
      return problemResponse(c, error.problem);
    }
    if ((error as { constraint_name?: string }).constraint_name === 'workspace_keeps_an_owner')
      return problemResponse(c, problemBody('last_owner', {}));
    if (error instanceof HTTPException) return problemResponse(c, fromHttpException(error));
    if (isDatabaseUnavailable(error)) {
      deps.log.warn({ err: error, path: c.req.path }, 'PostgreSQL unavailable: answered 503');
      markDatabaseDown(deps.sql);
      return databaseUnavailable(c);
    }
    if (isEngineUnavailable(error)) {
      deps.log.warn({ err: error, path: c.req.path }, 'Temporal unavailable: answered 503');
      return engineUnavailable(c);
    }
    deps.log.error({ err: error, path: c.req.path }, 'unhandled error');
    return problemResponse(c, problemBody('internal_error', {}));
  });
  return routes;
}

/** Every route's request and answer types, for a typed client (`hc<AppType>` from hono/client). */
export type AppType = ReturnType<typeof createApp>;
