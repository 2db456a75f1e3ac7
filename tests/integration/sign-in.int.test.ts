import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyCredentials } from "@/lib/auth/session-user";
import { resetDatabase } from "./helpers/db";
import { createOrganization, createUser, TEST_PASSWORD } from "./helpers/factories";

const meta = { ipAddress: "203.0.113.7", userAgent: "vitest" };

beforeEach(resetDatabase);

describe("verifyCredentials", () => {
  it("signs in with the right password, whatever the email's case, and records it", async () => {
    const org = await createOrganization();
    const user = await createUser(org.id, "MANAGER");
    const signedIn = await verifyCredentials(
      { email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD },
      meta,
    );
    expect(signedIn).toMatchObject({ id: user.id, organizationId: org.id, role: "MANAGER" });
    expect(
      await db.auditLog.findFirst({ where: { action: "auth.sign_in", actorId: user.id } }),
    ).toMatchObject({ ipAddress: "203.0.113.7" });
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt,
    ).not.toBeNull();
  });

  it("refuses a wrong password, an unknown email and a deactivated user alike, and records each failure", async () => {
    const org = await createOrganization();
    const user = await createUser(org.id, "FRONTLINE");
    const inactive = await createUser(org.id, "FRONTLINE", { isActive: false });
    expect(
      await verifyCredentials({ email: user.email, password: "wrong-password" }, meta),
    ).toBeNull();
    expect(
      await verifyCredentials({ email: "nobody@test.moments", password: TEST_PASSWORD }, meta),
    ).toBeNull();
    expect(
      await verifyCredentials({ email: inactive.email, password: TEST_PASSWORD }, meta),
    ).toBeNull();

    const failures = await db.auditLog.findMany({
      where: { action: "auth.sign_in_failed" },
      orderBy: { id: "asc" },
    });
    expect(failures.map((f) => (f.details as { reason: string }).reason)).toEqual([
      "wrong_password",
      "unknown_email",
      "inactive",
    ]);
    expect(failures[1]!.organizationId).toBeNull();
  });

  it("answers malformed input with a refusal, not an error, and changes nothing", async () => {
    for (const input of [
      null,
      "x",
      { email: 42 },
      { email: "a@b.co" },
      { email: "a@b.co", password: "x".repeat(5000) },
    ]) {
      expect(await verifyCredentials(input, meta)).toBeNull();
    }
    expect(await db.auditLog.count()).toBe(0);
  });
});
