/**
 * The editor runs under a Content-Security-Policy without 'unsafe-eval'
 * (api/src/http/content-security.ts). Imported before anything else: zod reads this global config
 * and then never compiles schemas with `new Function`, nor probes whether it may (a caught probe
 * is still reported as a CSP violation). Validation answers the same. The object is changed in
 * place, not replaced: when the bundler puts zod in a chunk that loads before this module, zod
 * has already taken its reference to the object (and probes only at the first validation).
 */
const zodConfig = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodConfig.__zod_globalConfig ??= {};
zodConfig.__zod_globalConfig.jitless = true;
