import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { issueLink } from "@/lib/accounts/links";
import { getCurrentUser } from "@/lib/auth/session";
import { verifyCredentials } from "@/lib/auth/session-user";
import { changedTables, fingerprint } from "./fingerprint";
import { actAs, actAsUser } from "./principals";
import { isRole, type TPublicRule } from "./rules";
import { freshUser, TEST_PASSWORD } from "./world";

// The account pages anyone may reach (a single-use link is the credential: setup, invitation,
// password reset, "forgot password"), and the password change every signed-in user may make.

type TCheckContext = Parameters<TPublicRule["check"]>[0];
type TAnswer = { ok: boolean; code?: string };

const NEW_PASSWORD = "granite-meadow-lanterns";
const UNKNOWN_TOKEN = "a".repeat(43);
const meta = { ipAddress: "", userAgent: "" };

async function refusedAndUnchanged(run: () => Promise<unknown>, code: string) {
  const before = await fingerprint();
  expect((await run()) as TAnswer).toMatchObject({ ok: false, code });
  expect(changedTables(before, await fingerprint())).toEqual([]);
}

/** app/(auth)/setup/actions.ts#setupAction */
export async function checkSetup({ principal, world, call }: TCheckContext): Promise<void> {
  await actAs(principal, world.a);
  // Organizations exist: whatever the token, nothing is created.
  await refusedAndUnchanged(
    () =>
      call({
        token: UNKNOWN_TOKEN,
        organizationName: "Takeover",
        slug: "takeover",
        locale: "en",
        adminName: "Intruder",
        adminEmail: "intruder@example.com",
        password: NEW_PASSWORD,
      }),
    "CONFLICT",
  );
}

/** app/(auth)/invite/[token]/actions.ts#acceptInvitationAction */
export async function checkAcceptInvitation({ principal, world, call }: TCheckContext) {
  await actAs(principal, world.a);
  const input = { name: "Invitee", password: NEW_PASSWORD };
  await refusedAndUnchanged(() => call({ ...input, token: UNKNOWN_TOKEN }), "CONFLICT");
  // With a real link, whoever opens it (the link is the credential) joins the link's organization.
  const email = `invitee.${principal.toLowerCase()}.${Date.now()}@example.com`;
  const link = await db.$transaction((tx) =>
    issueLink(tx, "INVITATION", { organizationId: world.a.id, email, role: "FRONTLINE" }),
  );
  expect((await call({ ...input, token: link.token })) as TAnswer).toMatchObject({ ok: true });
  expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({
    organizationId: world.a.id,
    role: "FRONTLINE",
  });
}

/** app/(auth)/reset-password/[token]/actions.ts#resetPasswordAction */
export async function checkResetPassword({ principal, world, call }: TCheckContext) {
  await actAs(principal, world.a);
  await refusedAndUnchanged(
    () => call({ token: UNKNOWN_TOKEN, password: NEW_PASSWORD }),
    "CONFLICT",
  );
}

/** app/(auth)/forgot-password/actions.ts#forgotPasswordAction */
export async function checkForgotPassword({ principal, world, call }: TCheckContext) {
  await actAs(principal, world.a);
  // The same answer for an address with an account and one without; no mail configured here,
  // so nothing is issued either.
  for (const email of [world.a.users.MANAGER.email, "nobody@example.com"]) {
    const before = await fingerprint();
    expect((await call({ email })) as TAnswer).toMatchObject({ ok: true });
    expect(changedTables(before, await fingerprint())).toEqual([]);
  }
}

/** app/(app)/account/actions.ts#changeOwnPasswordAction */
export async function checkChangeOwnPassword({ principal, world, call }: TCheckContext) {
  const input = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
  if (!isRole(principal)) {
    await actAs(principal, world.a);
    await refusedAndUnchanged(() => call(input), "UNAUTHENTICATED");
    return;
  }
  // A fresh user: the principals keep their passwords for the rest of the matrix.
  const { user } = await freshUser(world.a, principal);
  await actAsUser(user);
  expect((await call(input)) as TAnswer).toMatchObject({ ok: true });
  expect(await getCurrentUser()).toMatchObject({ id: user.id });
  expect(
    await verifyCredentials({ email: user.email, password: NEW_PASSWORD }, meta),
  ).toMatchObject({
    id: user.id,
  });
}
