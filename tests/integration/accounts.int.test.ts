import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startInbox, type TInbox } from "@/tests/support/smtp-inbox";
import { db } from "@/lib/db/client";
import { verifyCredentials } from "@/lib/auth/session-user";
import { loadSessionUser } from "@/lib/auth/session-user";
import { completeSetup, prepareSetupLink, setupLinkState } from "@/lib/accounts/setup";
import {
  acceptInvitation,
  describeInvitation,
  inviteUser,
  listInvitations,
  revokeInvitation,
} from "@/lib/accounts/invitations";
import {
  changeOwnPassword,
  issuePasswordReset,
  requestPasswordReset,
  resetPassword,
} from "@/lib/accounts/passwords";
import { createOrganizationWithAdminInvitation } from "@/lib/accounts/organizations";
import { setUserActive } from "@/lib/users/mutations";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations, TEST_PASSWORD } from "./helpers/factories";

// Accounts people set up for themselves: first-run setup, invitations, password change and
// resets — with mail sent through a real SMTP server on the loopback and read back from it.

let inbox: TInbox;
beforeAll(async () => {
  inbox = await startInbox();
  // Read once by lib/env.ts, at the first message this file sends.
  process.env.SMTP_URL = inbox.url;
  process.env.MOMENTS_PUBLIC_URL = "https://moments.example.test";
});
afterAll(() => inbox.close());

const meta = { ipAddress: "198.51.100.20", userAgent: "accounts-test" };
const NEW_PASSWORD = "lantern-orchard-quietly";
/** The token in a link from a message: the last path segment or the ?token= value. */
const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? link.split("/").pop()!;
const linkIn = (text: string | undefined) =>
  text?.match(/https:\/\/moments\.example\.test\/\S+/)?.[0];

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
beforeEach(async () => {
  await resetDatabase();
  inbox.messages.length = 0;
});

describe("first-run setup", () => {
  const setupInput = (token: string) => ({
    token,
    organizationName: "Hana Card",
    slug: "hana-card",
    locale: "ko" as const,
    adminName: "Kim Minji",
    adminEmail: "minji@hana.example",
    password: NEW_PASSWORD,
  });

  it("creates the organization and its admin once; the token then stops working", async () => {
    await db.organization.create({ data: { slug: "demo", name: "Demo", isDemo: true } });
    const link = await prepareSetupLink();
    expect(link?.url).toBe(`https://moments.example.test/setup?token=${link?.token}`);

    await expect(completeSetup(setupInput("x".repeat(43)), meta)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "accounts.link.unknown",
    });
    expect(await db.organization.count()).toBe(1);

    const done = await completeSetup(setupInput(link!.token), meta);
    const organization = await db.organization.findUniqueOrThrow({
      where: { id: done.organizationId },
      include: { users: true },
    });
    expect(organization).toMatchObject({ slug: "hana-card", isDemo: false });
    expect(organization.users).toMatchObject([{ email: "minji@hana.example", role: "ADMIN" }]);
    expect(
      await verifyCredentials({ email: "minji@hana.example", password: NEW_PASSWORD }, meta),
    ).toMatchObject({ organizationId: done.organizationId });

    await expect(
      completeSetup({ ...setupInput(link!.token), slug: "other" }, meta),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "accounts.link.used" });
    expect(await setupLinkState(link!.token)).toBe("done");
    expect(await prepareSetupLink()).toBeNull();
    expect(await db.auditLog.findFirst({ where: { action: "organization.create" } })).toMatchObject(
      { organizationId: done.organizationId, ipAddress: meta.ipAddress },
    );
  });

  it("a newer start's token replaces the older one", async () => {
    const first = await prepareSetupLink();
    const second = await prepareSetupLink();
    expect(await setupLinkState(first!.token)).toBe("revoked");
    expect(await setupLinkState(second!.token)).toBe("usable");
  });

  it("a refused step (slug taken) leaves the token usable", async () => {
    await db.organization.create({ data: { slug: "hana-card", name: "Demo", isDemo: true } });
    const link = await prepareSetupLink();
    await expect(completeSetup(setupInput(link!.token), meta)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { slug: ["accounts.setup.slugTaken"] },
    });
    expect(await setupLinkState(link!.token)).toBe("usable");
  });
});

describe("invitations", () => {
  beforeEach(async () => {
    cast = await createTwoOrganizations();
  });

  it("mails a single-use link in the invitee's language; they set their own password", async () => {
    const answer = await inviteUser(
      cast.a.admin,
      { email: "New.Manager@Example.com", role: "MANAGER", locale: "ko" },
      meta,
    );
    expect(answer).toMatchObject({ mailed: true, email: "new.manager@example.com" });
    const mail = inbox.to("new.manager@example.com")[0]!;
    expect(mail.subject).toContain("초대되었습니다");
    const link = linkIn(mail.text)!;
    expect(link).toMatch(/^https:\/\/moments\.example\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(link);

    expect(await listInvitations(cast.a.admin)).toMatchObject([
      { email: "new.manager@example.com", role: "MANAGER" },
    ]);
    expect(await describeInvitation(tokenOf(link))).toMatchObject({
      state: "usable",
      email: "new.manager@example.com",
      role: "MANAGER",
    });

    await acceptInvitation(
      { token: tokenOf(link), name: "Park Jisu", password: NEW_PASSWORD },
      meta,
    );
    const user = await verifyCredentials(
      { email: "new.manager@example.com", password: NEW_PASSWORD },
      meta,
    );
    const stored = await db.user.findUniqueOrThrow({ where: { email: "new.manager@example.com" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user).toMatchObject({
      organizationId: cast.a.organization.id,
      role: "MANAGER",
      name: "Park Jisu",
    });
    expect(await listInvitations(cast.a.admin)).toEqual([]);
    await expect(
      acceptInvitation({ token: tokenOf(link), name: "Again", password: NEW_PASSWORD }, meta),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "accounts.link.used" });
    expect(await db.user.count({ where: { email: "new.manager@example.com" } })).toBe(1);
  });

  it("refuses an expired link, and a newer invitation replaces the older", async () => {
    await inviteUser(
      cast.a.admin,
      { email: "late@example.com", role: "FRONTLINE", locale: "en" },
      meta,
    );
    await inviteUser(
      cast.a.admin,
      { email: "late@example.com", role: "FRONTLINE", locale: "en" },
      meta,
    );
    const [older, newer] = inbox
      .to("late@example.com")
      .map((mail) => tokenOf(linkIn(mail.text)!)) as [string, string];
    expect(inbox.to("late@example.com")[0]!.subject).toBe(
      `You are invited to ${cast.a.organization.name} on Moments`,
    );
    await expect(
      acceptInvitation({ token: older, name: "Late", password: NEW_PASSWORD }, meta),
    ).rejects.toMatchObject({ message: "accounts.link.revoked" });

    await db.accountToken.updateMany({
      where: { email: "late@example.com", revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(
      acceptInvitation({ token: newer, name: "Late", password: NEW_PASSWORD }, meta),
    ).rejects.toMatchObject({ message: "accounts.link.expired" });
    expect(await db.user.count({ where: { email: "late@example.com" } })).toBe(0);
  });

  it("refuses bad input with a reason per field and stores nothing", async () => {
    const before = await db.accountToken.count();
    await expect(
      inviteUser(cast.a.admin, { email: "nope", role: "OWNER" as "ADMIN", locale: "en" }, meta),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { email: ["validation.email"], role: [expect.any(String)] },
    });
    expect(await db.accountToken.count()).toBe(before);
    expect(inbox.messages).toHaveLength(0);
  });

  it("is for admins of the organization only; an existing email is refused", async () => {
    await expect(
      inviteUser(cast.a.manager, { email: "x@example.com", role: "ADMIN", locale: "en" }, meta),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      inviteUser(
        cast.a.admin,
        { email: cast.b.manager.email, role: "MANAGER", locale: "en" },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { email: ["validation.emailTaken"] },
    });

    await inviteUser(cast.a.admin, { email: "x@example.com", role: "MANAGER", locale: "en" }, meta);
    const pending = (await listInvitations(cast.a.admin))[0]!;
    expect(await listInvitations(cast.b.admin)).toEqual([]);
    await expect(
      revokeInvitation(cast.b.admin, { invitationId: pending.id }, meta),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeInvitation(cast.a.admin, { invitationId: pending.id }, meta);
    expect(await listInvitations(cast.a.admin)).toEqual([]);
  });

  it("npm run org:create: a new organization whose admin sets a password through the link", async () => {
    const created = await createOrganizationWithAdminInvitation(
      {
        organizationName: "KT Retail",
        slug: "kt-retail",
        locale: "en",
        adminEmail: "ops@kt.example",
      },
      meta,
    );
    await acceptInvitation(
      { token: tokenOf(created.url), name: "Ops", password: NEW_PASSWORD },
      meta,
    );
    expect(
      await verifyCredentials({ email: "ops@kt.example", password: NEW_PASSWORD }, meta),
    ).toMatchObject({ organizationId: created.organizationId, role: "ADMIN" });
  });
});

describe("passwords", () => {
  beforeEach(async () => {
    cast = await createTwoOrganizations();
  });

  it("a change needs the current password and ends every other session", async () => {
    const manager = cast.a.manager;
    const otherDevice = (await db.userSession.create({ data: { userId: manager.id } })).id;

    await expect(
      changeOwnPassword(manager, { currentPassword: "wrong", newPassword: NEW_PASSWORD }, meta),
    ).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["accounts.password.currentWrong"] },
    });
    expect(
      await db.auditLog.count({
        where: { action: "auth.password_change_failed", actorId: manager.id },
      }),
    ).toBe(1);

    await changeOwnPassword(
      manager,
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      meta,
    );
    expect(
      await loadSessionUser(manager.id, manager.sessionVersion, manager.sessionId),
    ).not.toBeNull();
    expect(await loadSessionUser(manager.id, manager.sessionVersion, otherDevice)).toBeNull();
    expect(
      await verifyCredentials({ email: manager.email, password: NEW_PASSWORD }, meta),
    ).not.toBeNull();
  });

  it("an admin's reset link is mailed; using it ends every session of the user", async () => {
    const frontline = cast.a.frontline;
    await expect(
      issuePasswordReset(cast.b.admin, { userId: frontline.id }, meta),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await issuePasswordReset(cast.a.admin, { userId: frontline.id }, meta)).toMatchObject({
      mailed: true,
    });
    const token = tokenOf(linkIn(inbox.to(frontline.email)[0]!.text)!);

    await resetPassword({ token, password: NEW_PASSWORD }, meta);
    expect(
      await loadSessionUser(frontline.id, frontline.sessionVersion, frontline.sessionId),
    ).toBeNull();
    expect(
      await verifyCredentials({ email: frontline.email, password: NEW_PASSWORD }, meta),
    ).not.toBeNull();
    await expect(
      resetPassword({ token, password: "another-long-phrase" }, meta),
    ).rejects.toMatchObject({ message: "accounts.link.used" });
  });

  it("forgot password: a link for an account, nothing for an unknown address, the same answer", async () => {
    const executive = cast.a.executive;
    // The answer comes before the message is sent (its timing says nothing either).
    const asks = [
      await requestPasswordReset({ email: executive.email }, meta),
      await requestPasswordReset({ email: "nobody@example.com" }, meta),
      // Asked again at once: no second message (one per account per cooldown).
      await requestPasswordReset({ email: executive.email }, meta),
    ];
    await Promise.all(asks.map((ask) => ask.delivery));

    expect(inbox.to(executive.email)).toHaveLength(1);
    expect(inbox.to("nobody@example.com")).toHaveLength(0);
    const token = tokenOf(linkIn(inbox.to(executive.email)[0]!.text)!);
    await resetPassword({ token, password: NEW_PASSWORD }, meta);
    expect(
      await verifyCredentials({ email: executive.email, password: NEW_PASSWORD }, meta),
    ).not.toBeNull();
  });

  it("a reset link dies when the password is changed or the user deactivated; none for SSO-only users", async () => {
    const manager = cast.a.manager;
    const issued = await issuePasswordReset(cast.a.admin, { userId: manager.id }, meta);
    expect(issued.mailed).toBe(true);
    const token = tokenOf(linkIn(inbox.to(manager.email)[0]!.text)!);
    await changeOwnPassword(
      manager,
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      meta,
    );
    await expect(
      resetPassword({ token, password: "another-long-phrase" }, meta),
    ).rejects.toMatchObject({
      message: "accounts.link.revoked",
    });

    const frontline = cast.a.frontline;
    await issuePasswordReset(cast.a.admin, { userId: frontline.id }, meta);
    const second = tokenOf(linkIn(inbox.to(frontline.email)[0]!.text)!);
    await setUserActive(cast.a.admin, { userId: frontline.id, isActive: false }, meta);
    await setUserActive(cast.a.admin, { userId: frontline.id, isActive: true }, meta);
    await expect(
      resetPassword({ token: second, password: "another-long-phrase" }, meta),
    ).rejects.toMatchObject({
      message: "accounts.link.revoked",
    });

    await db.user.update({ where: { id: cast.a.executive.id }, data: { passwordHash: null } });
    await expect(
      issuePasswordReset(cast.a.admin, { userId: cast.a.executive.id }, meta),
    ).rejects.toMatchObject({ message: "accounts.reset.ssoOnly" });
    await (
      await requestPasswordReset({ email: cast.a.executive.email }, meta)
    ).delivery;
    expect(inbox.to(cast.a.executive.email)).toHaveLength(0);
  });
});
