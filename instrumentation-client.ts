// Runs in the browser before the app does, on every page. zod compiles object parsers with
// `new Function` unless told otherwise, and probes for it on the first parse; the
// Content-Security-Policy (no 'unsafe-eval', lib/security/headers.ts) refuses that and reports a
// violation. Parsing without the compiler is a little slower and never needs eval.
//
// zod keeps its configuration in this global (zod/v4/core/core.js), which `config({ jitless })`
// writes: setting it here, before any zod module runs, keeps zod — even its core, about 5 KB
// gzipped — out of the pages that parse nothing (tests/unit/zod-jitless.test.ts checks zod reads it).
const zodConfig = ((
  globalThis as { __zod_globalConfig?: { jitless?: boolean } }
).__zod_globalConfig ??= {});
zodConfig.jitless = true;
