import { describe, expect, it } from "vitest";
import { wouldLeaveNoAdmin } from "./rules";

const admin = { role: "ADMIN" as const, isActive: true };

describe("wouldLeaveNoAdmin", () => {
  it("refuses demoting or deactivating the only active admin", () => {
    expect(wouldLeaveNoAdmin(admin, { ...admin, role: "MANAGER" }, 1)).toBe(true);
    expect(wouldLeaveNoAdmin(admin, { ...admin, isActive: false }, 1)).toBe(true);
  });

  it("allows it when another active admin remains", () => {
    expect(wouldLeaveNoAdmin(admin, { ...admin, role: "MANAGER" }, 2)).toBe(false);
  });

  it("ignores changes that do not remove an active admin", () => {
    expect(
      wouldLeaveNoAdmin(
        { role: "MANAGER", isActive: true },
        { role: "FRONTLINE", isActive: true },
        1,
      ),
    ).toBe(false);
    expect(
      wouldLeaveNoAdmin(
        { role: "ADMIN", isActive: false },
        { role: "MANAGER", isActive: false },
        1,
      ),
    ).toBe(false);
    expect(wouldLeaveNoAdmin(admin, admin, 1)).toBe(false);
  });
});
