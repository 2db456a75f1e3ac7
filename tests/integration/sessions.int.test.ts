import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { resetRefusalAuditLimits } from "@/lib/audit/refusals";
import { changeUserRole, setUserActive } from "@/lib/users/mutations";
import { saveSegmentAction } from "@/app/(app)/journeys/segments/actions";
import { signOutAction, signOutEverywhereAction } from "@/app/actions";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations, TEST_PASSWORD } from "./helpers/factories";
import { requestFrom, signInFrom, type TClient } from "./helpers/signed-in-request";

// Sessions: a deactivated user, a changed role and "sign out everywhere" take effect at
// the very next request. Real Auth.js cookies from a real sign-in; only Next's request context is
// simulated (authorization/request-context.ts).

vi.mock(
  "next/headers",
  async () => (await import("./authorization/request-context")).nextHeadersModule,
);
vi.mock(
  "next/cache",
  async () => (await import("./authorization/request-context")).nextCacheModule,
);
process.env.AUTH_SECRET ??= "sessions-test-secret-0123456789-0123456789";

const laptop: TClient = { ipAddress: "198.51.100.10", userAgent: "laptop" };
const phone: TClient = { ipAddress: "198.51.100.11", userAgent: "phone" };
const segment = { nameKo: "단골 고객", nameEn: "Regulars", description: "" };

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
beforeEach(async () => {
  await resetDatabase();
  resetRefusalAuditLimits();
  cast = await createTwoOrganizations();
});

async function signedIn(client: TClient, email: string): Promise<string> {
  const { cookie, answer } = await signInFrom(client, email, TEST_PASSWORD);
  if (!cookie) throw new Error(`no session for ${email}: ${JSON.stringify(answer)}`);
  return cookie;
}

const refusedEntries = (actorId: string) =>
  db.auditLog.findMany({
    where: { actorId, action: { startsWith: "access." } },
    orderBy: { id: "asc" },
  });

describe("a changed role", () => {
  it("ends the user's session at the next request; signed in again, the new role applies", async () => {
    const cookie = await signedIn(laptop, cast.a.manager.email);
    requestFrom(laptop, cookie, "/journeys/segments");
    expect(await saveSegmentAction(segment)).toMatchObject({ ok: true });

    await changeUserRole(cast.a.admin, { userId: cast.a.manager.id, role: "FRONTLINE" });

    requestFrom(laptop, cookie, "/journeys/segments");
    expect(await getCurrentUser()).toBeNull();
    expect(await saveSegmentAction({ ...segment, nameEn: "Second" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    expect(await db.segment.count()).toBe(1);
    expect(await refusedEntries(cast.a.manager.id)).toMatchObject([
      {
        action: "access.session_revoked",
        organizationId: cast.a.organization.id,
        ipAddress: laptop.ipAddress,
        userAgent: "laptop",
        details: { cause: "revoked", page: "/journeys/segments" },
      },
    ]);

    const fresh = await signedIn(laptop, cast.a.manager.email);
    requestFrom(laptop, fresh, "/journeys/segments");
    expect((await getCurrentUser())?.role).toBe("FRONTLINE");
    expect(await saveSegmentAction({ ...segment, nameEn: "Third" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await db.segment.count()).toBe(1);
  });
});

describe("a deactivated user", () => {
  it("is refused at the next request, on pages as in actions, and cannot sign in again", async () => {
    const cookie = await signedIn(laptop, cast.a.frontline.email);
    requestFrom(laptop, cookie);
    expect((await requireUser()).id).toBe(cast.a.frontline.id);

    await setUserActive(cast.a.admin, { userId: cast.a.frontline.id, isActive: false });

    requestFrom(laptop, cookie);
    // A page sends the revoked session to the sign-in page (Next's redirect, thrown).
    await expect(requireUser()).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
    expect(await saveSegmentAction(segment)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect((await refusedEntries(cast.a.frontline.id)).map((entry) => entry.details)).toEqual([
      { cause: "deactivated" },
      { cause: "deactivated", page: "" },
    ]);

    expect((await signInFrom(laptop, cast.a.frontline.email, TEST_PASSWORD)).cookie).toBeNull();
  });
});

describe("sign out everywhere", () => {
  it("ends the user's other sessions too, and is recorded with where it was asked from", async () => {
    const onLaptop = await signedIn(laptop, cast.a.executive.email);
    const onPhone = await signedIn(phone, cast.a.executive.email);
    expect(onLaptop).not.toBe(onPhone);

    requestFrom(phone, onPhone);
    // It ends with Next's redirect to the sign-in page, thrown.
    await expect(signOutEverywhereAction()).rejects.toMatchObject({
      digest: expect.stringContaining("/login"),
    });

    requestFrom(laptop, onLaptop);
    expect(await getCurrentUser()).toBeNull();
    requestFrom(phone, onPhone);
    expect(await getCurrentUser()).toBeNull();
    expect(
      await db.auditLog.findFirst({
        where: { action: "auth.sign_out_everywhere", actorId: cast.a.executive.id },
      }),
    ).toMatchObject({ ipAddress: phone.ipAddress, userAgent: "phone" });

    // Other users' sessions are untouched.
    const other = await signedIn(laptop, cast.a.manager.email);
    requestFrom(laptop, other);
    expect((await getCurrentUser())?.id).toBe(cast.a.manager.id);
  });
});

describe("signing out", () => {
  it("ends that session's cookie on the server: a copy kept from before no longer counts", async () => {
    const onLaptop = await signedIn(laptop, cast.a.manager.email);
    const onPhone = await signedIn(phone, cast.a.manager.email);

    requestFrom(laptop, onLaptop);
    await expect(signOutAction()).rejects.toMatchObject({
      digest: expect.stringContaining("/login"),
    });

    // The cookie as it was before signing out, replayed (copied, or kept by a shared computer).
    requestFrom(laptop, onLaptop);
    expect(await getCurrentUser()).toBeNull();
    expect(
      await db.auditLog.findFirst({
        where: { action: "auth.sign_out", actorId: cast.a.manager.id },
      }),
    ).toMatchObject({ ipAddress: laptop.ipAddress });

    // Only that session: the phone stays signed in.
    requestFrom(phone, onPhone);
    expect((await getCurrentUser())?.id).toBe(cast.a.manager.id);
  });
});
