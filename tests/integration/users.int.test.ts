import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadSessionUser, verifyCredentials } from "@/lib/auth/session-user";
import { listUsers } from "@/lib/users/queries";
import { changeUserRole, setUserActive, signOutEverywhere } from "@/lib/users/mutations";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations, TEST_PASSWORD } from "./helpers/factories";

const meta = { ipAddress: "127.0.0.1", userAgent: "vitest" };

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
});

describe("changeUserRole and setUserActive", () => {
  it("take effect at the user's next request: the old session no longer loads", async () => {
    const manager = cast.a.manager;
    expect(
      await loadSessionUser(manager.id, manager.sessionVersion, manager.sessionId),
    ).not.toBeNull();

    await changeUserRole(cast.a.admin, { userId: manager.id, role: "FRONTLINE" }, meta);
    expect(await loadSessionUser(manager.id, manager.sessionVersion, manager.sessionId)).toBeNull();
    const fresh = await verifyCredentials({ email: manager.email, password: TEST_PASSWORD }, meta);
    expect(fresh?.role).toBe("FRONTLINE");

    await setUserActive(cast.a.admin, { userId: manager.id, isActive: false }, meta);
    expect(await loadSessionUser(manager.id, fresh!.sessionVersion, manager.sessionId)).toBeNull();
    expect(
      await verifyCredentials({ email: manager.email, password: TEST_PASSWORD }, meta),
    ).toBeNull();
  });

  it("treat another organization's user as not found and change nothing", async () => {
    const target = cast.b.manager;
    await expect(
      changeUserRole(cast.a.admin, { userId: target.id, role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setUserActive(cast.a.admin, { userId: target.id, isActive: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "MANAGER",
      isActive: true,
      sessionVersion: 1,
    });
  });

  it("are refused to a manager", async () => {
    await expect(
      changeUserRole(cast.a.manager, { userId: cast.a.frontline.id, role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: cast.a.frontline.id } })).role).toBe(
      "FRONTLINE",
    );
  });

  it("keep at least one active admin and refuse deactivating oneself", async () => {
    await expect(
      changeUserRole(cast.a.admin, { userId: cast.a.admin.id, role: "MANAGER" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "errors.lastAdmin" });
    await expect(
      setUserActive(cast.a.admin, { userId: cast.a.admin.id, isActive: false }),
    ).rejects.toMatchObject({ message: "errors.cannotDeactivateSelf" });
    expect((await db.user.findUniqueOrThrow({ where: { id: cast.a.admin.id } })).role).toBe(
      "ADMIN",
    );

    await changeUserRole(cast.a.admin, { userId: cast.a.manager.id, role: "ADMIN" });
    await changeUserRole(cast.a.admin, { userId: cast.a.admin.id, role: "MANAGER" });
    expect((await db.user.findUniqueOrThrow({ where: { id: cast.a.admin.id } })).role).toBe(
      "MANAGER",
    );
  });
});

describe("listUsers", () => {
  it("lists only the admin's organization and never exposes password hashes", async () => {
    const users = await listUsers(cast.a.admin);
    expect(users).toHaveLength(4);
    expect(users.every((u) => !("passwordHash" in u))).toBe(true);
    expect(users.map((u) => u.id)).not.toContain(cast.b.admin.id);
    await expect(listUsers(cast.a.executive)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("signOutEverywhere", () => {
  it("revokes every open session of the user", async () => {
    await signOutEverywhere(cast.a.executive, meta);
    expect(
      await loadSessionUser(
        cast.a.executive.id,
        cast.a.executive.sessionVersion,
        cast.a.executive.sessionId,
      ),
    ).toBeNull();
  });
});
