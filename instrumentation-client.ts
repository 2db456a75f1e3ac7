import { config } from "zod/v4/core";

// Runs in the browser before the app does, on every page. zod compiles object parsers with
// `new Function` unless told otherwise, and probes for it on the first parse; the
// Content-Security-Policy (no 'unsafe-eval', lib/security/headers.ts) refuses that and reports a
// violation. Parsing without the compiler is a little slower and never needs eval. The setting
// lives in zod's core, which zod and zod/mini share: importing "zod" here would put all of zod
// into every page's JavaScript.
config({ jitless: true });
