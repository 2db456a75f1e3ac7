import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// Written by argon2 0.45.1 (parameters in the order m,p,t) before the move to 0.44.0 (m,t,p):
// passwords stored then must still sign in.
const HASH_WRITTEN_BY_0_45 =
  "$argon2id$v=19$m=19456,p=1,t=2$FUzsemy6DDBMsETzBwZ80w$/qsrrL4jL+9hlbtptOJuwR/YcXajGMZLNxDguWTC5qE";

describe("verifyPassword", () => {
  it("accepts a hash stored by the earlier argon2 release, and only with its password", async () => {
    expect(await verifyPassword(HASH_WRITTEN_BY_0_45, "moments-demo")).toBe(true);
    expect(await verifyPassword(HASH_WRITTEN_BY_0_45, "moments-dem0")).toBe(false);
  });

  it("accepts what hashPassword writes, and refuses a malformed hash", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword("not-a-hash", "correct horse battery staple")).toBe(false);
  });
});
