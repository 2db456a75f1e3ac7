// In the browser's order: instrumentation-client.ts runs before any zod module.
import "@/instrumentation-client";
import { describe, expect, it } from "vitest";
import { z } from "zod";

// instrumentation-client.ts turns zod's compiler off through zod's global configuration instead of
// importing zod (which would put zod into every page): zod must read what it wrote.
describe("instrumentation-client.ts", () => {
  it("leaves zod jitless", () => {
    expect(z.config()).toBe((globalThis as { __zod_globalConfig?: object }).__zod_globalConfig);
    expect(z.config().jitless).toBe(true);
    expect(z.strictObject({ a: z.number() }).safeParse({ a: 1 }).success).toBe(true);
  });
});
