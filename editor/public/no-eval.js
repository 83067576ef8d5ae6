// The editor runs under a Content-Security-Policy without 'unsafe-eval'
// (api/src/http/content-security.ts). zod reads this global config when its schemas are made and
// then never compiles them with `new Function`, nor probes whether it may (a caught probe is still
// reported as a CSP violation); validation answers the same. A classic script, so it runs before
// every module chunk of the bundle (a module imported first from main.tsx runs after the chunks
// main.tsx depends on).
globalThis.__zod_globalConfig = Object.assign({}, globalThis.__zod_globalConfig, { jitless: true });
