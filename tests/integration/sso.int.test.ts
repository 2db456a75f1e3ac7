import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { finishSsoSignIn, redeemSsoTicket, startSsoSignIn } from "@/lib/auth/sso/sign-in";
import { signInWithPassword } from "@/lib/auth/session-user";
import { getSsoConnection } from "@/lib/sso/queries";
import { saveSsoConnection } from "@/lib/sso/mutations";
import { startTestOidcProvider, type TTestOidcProvider } from "../support/oidc-provider";
import { resetDatabase } from "./helpers/db";
import { createOrganization, createUser, TEST_PASSWORD } from "./helpers/factories";

process.env.MOMENTS_ENCRYPTION_KEY ??= randomBytes(32).toString("base64url");

// SSO against a real OpenID Connect provider on the loopback (tests/support/oidc-provider.ts):
// the browser's part is played with fetch and a cookie jar; the app's part is the domain's own
// start, finish and redeem.

const REDIRECT_URI = "http://localhost:3999/sso/callback";
const meta = { ipAddress: "203.0.113.7", userAgent: "sso-test" };
let idp: TTestOidcProvider;

beforeAll(async () => {
  idp = await startTestOidcProvider({ redirectUris: [REDIRECT_URI] });
  idp.addAccount({ email: "new.person@a-corp.test", emailVerified: true, name: "New Person" });
  idp.addAccount({ email: "kim@a-corp.test", emailVerified: true, name: "Kim" });
  idp.addAccount({ email: "outsider@elsewhere.test", emailVerified: true, name: "Outsider" });
  idp.addAccount({ email: "unverified@a-corp.test", emailVerified: false, name: "Unverified" });
  idp.addAccount({ email: "b.person@a-corp.test", emailVerified: true, name: "B's user" });
});
afterAll(() => idp.stop());
beforeEach(resetDatabase);

/** An organization with an admin and SSO on for a-corp.test; new users become MANAGERs. */
async function organizationWithSso(domains = "a-corp.test") {
  const organization = await createOrganization("A");
  const admin = await createUser(organization.id, "ADMIN");
  await saveSsoConnection(
    admin,
    {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domains,
      defaultRole: "MANAGER",
      isEnabled: true,
    },
    meta,
  );
  return { organization, admin };
}

/** What the browser does at the provider: follow redirects with its cookies, log in as `email`. */
async function signInAtProvider(authorizationUrl: string, email: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...init.headers,
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.startsWith(REDIRECT_URI)) return new URL(url);
    const isLogin = new URL(url).pathname.startsWith("/interaction/");
    const response = isLogin
      ? await send(url, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email }).toString(),
        })
      : await send(url);
    const location = response.headers.get("location");
    if (!location) throw new Error(`the provider answered ${response.status} at ${url}`);
    url = new URL(location, url).toString();
  }
  throw new Error("too many redirects");
}

/** The whole flow for one person: start with their email, sign in at the provider, finish. */
async function signInThroughSso(email: string, typedEmail = email) {
  const started = await startSsoSignIn({ email: typedEmail }, REDIRECT_URI, meta);
  if (!started.ok) return started;
  const callbackUrl = await signInAtProvider(started.authorizationUrl, email);
  return finishSsoSignIn(callbackUrl, started.flowCookie, meta);
}

const auditOf = (action: string) =>
  db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("signing in through the organization's OpenID Connect provider", () => {
  it("creates a user of an allowed domain with the configured role and no password, once", async () => {
    const { organization } = await organizationWithSso();

    const first = await signInThroughSso("new.person@a-corp.test");
    expect(first.ok).toBe(true);
    const user = await redeemSsoTicket(first.ok ? first.ticket : "");
    expect(user).toMatchObject({
      organizationId: organization.id,
      email: "new.person@a-corp.test",
      name: "New Person",
      role: "MANAGER",
    });
    const row = await db.user.findUniqueOrThrow({ where: { email: "new.person@a-corp.test" } });
    expect(row.passwordHash).toBeNull();

    // The ticket is single-use; a second sign-in finds and links the same user.
    expect(await redeemSsoTicket(first.ok ? first.ticket : "")).toBeNull();
    const second = await signInThroughSso("new.person@a-corp.test");
    expect((await redeemSsoTicket(second.ok ? second.ticket : ""))?.id).toBe(row.id);
    expect(await db.user.count({ where: { email: "new.person@a-corp.test" } })).toBe(1);

    const signIns = await auditOf("auth.sso_sign_in");
    expect(signIns.map((entry) => (entry.details as { created: boolean }).created)).toEqual([
      true,
      false,
    ]);
    expect(
      signIns.every((entry) => entry.actorId === row.id && entry.ipAddress === meta.ipAddress),
    ).toBe(true);
    expect(await auditOf("user.create")).toMatchObject([
      { actorId: row.id, details: { via: "sso", role: "MANAGER" } },
    ]);
  });

  it("links the organization's existing user with that email, keeping their role and password", async () => {
    const { organization } = await organizationWithSso();
    const existing = await db.user.create({
      data: {
        organizationId: organization.id,
        email: "kim@a-corp.test",
        name: "Kim Existing",
        role: "EXECUTIVE",
        passwordHash: "kept",
      },
    });
    const outcome = await signInThroughSso("kim@a-corp.test");
    const user = await redeemSsoTicket(outcome.ok ? outcome.ticket : "");
    expect(user).toMatchObject({ id: existing.id, role: "EXECUTIVE", name: "Kim Existing" });
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe(
      "kept",
    );
  });

  it("refuses someone outside the allowed domains, unverified, of another organization or deactivated — creating nothing, each written to the audit log", async () => {
    const { organization } = await organizationWithSso();
    const other = await createOrganization("B");
    await db.user.create({
      data: {
        organizationId: other.id,
        email: "b.person@a-corp.test",
        name: "B",
        role: "ADMIN",
        passwordHash: "x",
      },
    });
    const deactivated = await db.user.create({
      data: {
        organizationId: organization.id,
        email: "kim@a-corp.test",
        name: "Kim",
        role: "MANAGER",
        passwordHash: "x",
        isActive: false,
      },
    });
    const usersBefore = await db.user.count();

    // Typed an allowed email, but the provider vouched for another domain's person.
    expect(await signInThroughSso("outsider@elsewhere.test", "someone@a-corp.test")).toEqual({
      ok: false,
      reason: "domain_not_allowed",
    });
    expect(await signInThroughSso("unverified@a-corp.test")).toEqual({
      ok: false,
      reason: "email_unverified",
    });
    expect(await signInThroughSso("b.person@a-corp.test")).toEqual({
      ok: false,
      reason: "other_organization",
    });
    expect(await signInThroughSso("kim@a-corp.test")).toEqual({ ok: false, reason: "inactive" });
    // An email whose domain no connection covers never reaches a provider.
    expect(await signInThroughSso("outsider@elsewhere.test")).toEqual({
      ok: false,
      reason: "not_configured",
    });

    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.ssoSignInTicket.count()).toBe(0);
    const refusals = await auditOf("auth.sso_refused");
    expect(refusals.map((entry) => (entry.details as { reason: string }).reason)).toEqual([
      "domain_not_allowed",
      "email_unverified",
      "other_organization",
      "inactive",
      // "not_configured" names no organization: not written (anyone could flood the log with it).
    ]);
    expect(refusals[0]).toMatchObject({
      organizationId: organization.id,
      details: { email: "outsider@elsewhere.test" },
    });
    // The other organization's user is not named as the actor of this organization's entry.
    expect(refusals[2]!.actorId).toBeNull();
    expect(refusals[3]!.actorId).toBe(deactivated.id);
  });

  it("refuses an answer whose state was changed, a flow cookie of another start or changed, a replayed code, and a switched-off connection", async () => {
    const { admin } = await organizationWithSso();
    const started = await startSsoSignIn({ email: "new.person@a-corp.test" }, REDIRECT_URI, meta);
    if (!started.ok) throw new Error("not started");
    const callbackUrl = await signInAtProvider(started.authorizationUrl, "new.person@a-corp.test");

    const forged = new URL(callbackUrl);
    forged.searchParams.set("state", "forged-state");
    expect(await finishSsoSignIn(forged, started.flowCookie, meta)).toEqual({
      ok: false,
      reason: "provider_error",
    });
    const another = await startSsoSignIn({ email: "kim@a-corp.test" }, REDIRECT_URI, meta);
    expect(await finishSsoSignIn(callbackUrl, another.ok ? another.flowCookie : "", meta)).toEqual({
      ok: false,
      reason: "provider_error",
    });
    expect(await finishSsoSignIn(callbackUrl, undefined, meta)).toEqual({
      ok: false,
      reason: "flow_invalid",
    });
    expect(await finishSsoSignIn(callbackUrl, `${started.flowCookie}x`, meta)).toEqual({
      ok: false,
      reason: "flow_invalid",
    });

    // The right cookie works once; the provider refuses the same code a second time.
    expect(await finishSsoSignIn(callbackUrl, started.flowCookie, meta)).toMatchObject({
      ok: true,
    });
    expect(await finishSsoSignIn(callbackUrl, started.flowCookie, meta)).toEqual({
      ok: false,
      reason: "provider_error",
    });

    await saveSsoConnection(admin, {
      issuer: idp.issuer,
      clientId: idp.clientId,
      domains: "a-corp.test",
      defaultRole: "MANAGER",
      isEnabled: false,
    });
    expect(await finishSsoSignIn(callbackUrl, started.flowCookie, meta)).toEqual({
      ok: false,
      reason: "not_configured",
    });
    expect(await db.user.count({ where: { email: "new.person@a-corp.test" } })).toBe(1);
  });

  it("leaves an SSO-only user no way in by password: the same answer as a wrong password", async () => {
    await organizationWithSso();
    const outcome = await signInThroughSso("new.person@a-corp.test");
    expect(outcome.ok).toBe(true);
    expect(
      await signInWithPassword({ email: "new.person@a-corp.test", password: TEST_PASSWORD }, meta),
    ).toEqual({ ok: false, reason: "invalid" });
    const [failed] = await auditOf("auth.sign_in_failed");
    expect(failed!.details).toMatchObject({ reason: "no_password" });
  });

  it("refuses a ticket after its minute, and one whose user was deactivated meanwhile", async () => {
    await organizationWithSso();
    const first = await signInThroughSso("new.person@a-corp.test");
    const later = new Date(Date.now() + 61_000);
    expect(await redeemSsoTicket(first.ok ? first.ticket : "", later)).toBeNull();

    const second = await signInThroughSso("new.person@a-corp.test");
    await db.user.update({
      where: { email: "new.person@a-corp.test" },
      data: { isActive: false },
    });
    expect(await redeemSsoTicket(second.ok ? second.ticket : "")).toBeNull();
    expect(await redeemSsoTicket("a guessed ticket")).toBeNull();
  });
});

describe("the SSO configuration", () => {
  it("stores the secret encrypted, never shows it, keeps it when left empty, and audits every change without it", async () => {
    const { organization, admin } = await organizationWithSso("A-Corp.test, a-corp.co.kr");
    const stored = await db.ssoConnection.findUniqueOrThrow({
      where: { organizationId: organization.id },
    });
    expect(stored.clientSecretEncrypted).not.toContain(idp.clientSecret);
    expect(stored.clientSecretEncrypted).toMatch(/^v1\./);

    const view = await getSsoConnection(admin);
    expect(view).toMatchObject({
      issuer: idp.issuer,
      domains: ["a-corp.co.kr", "a-corp.test"],
      hasClientSecret: true,
      defaultRole: "MANAGER",
      isEnabled: true,
    });
    expect(JSON.stringify(view)).not.toContain(idp.clientSecret);

    await saveSsoConnection(admin, {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: "",
      domains: "a-corp.test",
      defaultRole: "FRONTLINE",
      isEnabled: true,
    });
    const after = await db.ssoConnection.findUniqueOrThrow({
      where: { organizationId: organization.id },
    });
    expect(after.clientSecretEncrypted).toBe(stored.clientSecretEncrypted);
    expect((await signInThroughSso("new.person@a-corp.test")).ok).toBe(true);

    // Pointed at another provider, the stored secret is not kept: it would be sent there.
    await expect(
      saveSsoConnection(admin, {
        issuer: "https://idp.attacker.example",
        clientId: idp.clientId,
        clientSecret: "",
        domains: "a-corp.test",
        defaultRole: "FRONTLINE",
        isEnabled: true,
      }),
    ).rejects.toMatchObject({ fieldErrors: { clientSecret: ["sso.errors.secretRequired"] } });
    expect(
      (await db.ssoConnection.findUniqueOrThrow({ where: { organizationId: organization.id } }))
        .issuer,
    ).toBe(idp.issuer);

    const changes = await db.auditLog.findMany({
      where: { action: { startsWith: "sso." } },
      orderBy: { id: "asc" },
    });
    expect(changes.map((entry) => entry.action)).toEqual(["sso.create", "sso.update"]);
    expect(
      changes.map((entry) => (entry.details as { secretChanged: boolean }).secretChanged),
    ).toEqual([true, false]);
    expect(JSON.stringify(changes.map((entry) => entry.details))).not.toContain(idp.clientSecret);
  });

  it("is for admins only, needs a secret the first time, and refuses another organization's domain or an http issuer off the loopback — changing nothing", async () => {
    const { admin } = await organizationWithSso();
    const other = await createOrganization("B");
    const otherAdmin = await createUser(other.id, "ADMIN");
    const otherManager = await createUser(other.id, "MANAGER");
    const input = {
      issuer: "https://login.b.example",
      clientId: "b",
      clientSecret: "b-secret",
      domains: "b.example",
      defaultRole: "FRONTLINE" as const,
      isEnabled: true,
    };
    const before = await db.auditLog.count();

    await expect(saveSsoConnection(otherManager, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getSsoConnection(otherManager)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      saveSsoConnection(otherAdmin, { ...input, clientSecret: "" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { clientSecret: ["sso.errors.secretRequired"] },
    });
    await expect(
      saveSsoConnection(otherAdmin, { ...input, domains: "b.example, A-CORP.test" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { domains: ["sso.errors.domainTaken"] },
    });
    await expect(
      saveSsoConnection(otherAdmin, { ...input, issuer: "http://login.b.example" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { issuer: ["sso.errors.issuer"] } });
    await expect(
      saveSsoConnection(otherAdmin, { ...input, domains: "b.example, not a domain" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { domains: ["sso.errors.domain"] },
    });

    expect(await db.ssoConnection.count({ where: { organizationId: other.id } })).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
    // Each organization sees its own connection only.
    expect(await getSsoConnection(otherAdmin)).toBeNull();
    expect((await getSsoConnection(admin))?.domains).toEqual(["a-corp.test"]);
  });
});
