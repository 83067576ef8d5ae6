/**
 * The editor runs under a Content-Security-Policy without 'unsafe-eval'
 * (api/src/http/content-security.ts). Imported before anything else: zod reads this global config
 * when it loads, and then never compiles schemas with `new Function`, nor probes whether it may
 * (a caught probe is still reported as a CSP violation). Validation answers the same.
 */
const zodConfig = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodConfig.__zod_globalConfig = { ...zodConfig.__zod_globalConfig, jitless: true };
