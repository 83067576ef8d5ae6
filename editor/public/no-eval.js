// The editor runs under a Content-Security-Policy without 'unsafe-eval'
// (api/src/http/content-security.ts). zod builds its object schemas while the app's modules load
// and, unless told to be jitless, probes whether it may compile with `new Function` (a caught
// probe is still reported as a CSP violation). This script is not bundled: index.html loads it
// before the app, so the setting is there before zod is.
const config = (globalThis.__zod_globalConfig ??= {});
config.jitless = true;
