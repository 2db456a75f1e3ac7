import { z } from "zod";

// Runs in the browser before the app does. zod compiles object parsers with `new Function` unless
// told otherwise, and probes for it on the first parse; the Content-Security-Policy (no
// 'unsafe-eval', lib/security/headers.ts) refuses that and reports a violation. Parsing without
// the compiler is a little slower and never needs eval.
z.config({ jitless: true });
