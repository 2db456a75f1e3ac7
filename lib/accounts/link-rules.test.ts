import { describe, expect, it } from "vitest";
import { LINK_LIFETIME_MS, linkState } from "./link-rules";

const now = new Date("2026-12-07T12:00:00Z");
const later = new Date(now.getTime() + 1000);
const earlier = new Date(now.getTime() - 1000);

describe("linkState", () => {
  it("is usable until it expires, then expired", () => {
    expect(linkState({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("usable");
    expect(linkState({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(linkState({ usedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe("expired");
  });
  it("says used or revoked before expired: the reason a person can act on", () => {
    expect(linkState({ usedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe("used");
    expect(linkState({ usedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe(
      "revoked",
    );
  });
});

describe("LINK_LIFETIME_MS", () => {
  it("lets an invitation live 72 hours", () => {
    expect(LINK_LIFETIME_MS.INVITATION).toBe(72 * 60 * 60 * 1000);
  });
});
