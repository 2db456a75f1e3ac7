import { describe, expect, it } from "vitest";
import { assertCan, can, PERMISSIONS, ROLES, type TPermission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

describe("the role -> permission table", () => {
  it("gives user management to admins only", () => {
    expect(ROLES.filter((role) => can(role, "user:manage"))).toEqual(["ADMIN"]);
  });

  it("lets managers and admins change journeys, and everyone read them", () => {
    expect(ROLES.filter((role) => can(role, "journey:write"))).toEqual(["ADMIN", "MANAGER"]);
    expect(ROLES.filter((role) => can(role, "journey:read"))).toEqual([...ROLES]);
  });

  it("keeps frontline staff out of the analysis areas and executives out of data capture", () => {
    for (const permission of [
      "measure:read",
      "analysis:read",
      "project:read",
      "control:read",
      "overview:read",
    ] as const) {
      expect(can("FRONTLINE", permission), permission).toBe(false);
    }
    expect(can("EXECUTIVE", "observation:create")).toBe(false);
    expect(can("EXECUTIVE", "project:write")).toBe(false);
  });

  it("denies a permission that is not in the table", () => {
    expect(can("ADMIN", "journey:delete-everything" as TPermission)).toBe(false);
  });

  it("names at least one role for every permission", () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS))
      expect(roles.length, permission).toBeGreaterThan(0);
  });

  it("assertCan refuses a signed-out caller and a role without the permission", () => {
    const frontline = { id: "u1", organizationId: "o1", role: "FRONTLINE" as const };
    expect(() => assertCan(null, "journey:read")).toThrowError(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
    expect(() => assertCan(frontline, "journey:write")).toThrowError(AppError);
    expect(() => assertCan(frontline, "journey:write")).toThrowError(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => assertCan(frontline, "journey:read")).not.toThrow();
  });
});
