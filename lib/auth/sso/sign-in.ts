import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { isUniqueViolation } from "@/lib/db/errors";
import { hashToken, randomToken } from "@/lib/security/tokens";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { encryptionEnv } from "@/lib/env";
import { decideSsoSignIn, emailDomainOf, type TSsoFailure } from "@/lib/sso/rules";
import { ZSsoStartInput } from "@/lib/sso/schemas";
import { openClientSecret } from "@/lib/sso/secret";
import { parseInput } from "@/lib/validation";
import { findActiveSessionUser, type TSignedInUser } from "../session-user";
import { openFlow, sealFlow, SSO_FLOW_TTL_SECONDS } from "./flow";
import { beginAuthorization, completeAuthorization, OidcFlowError } from "./oidc";

// Signing in through an organization's OpenID Connect provider, in three steps:
// 1. startSsoSignIn: the email's domain picks the organization's connection; the browser is sent
//    to its provider, the checks sealed in a cookie (flow.ts).
// 2. finishSsoSignIn: the callback's answer is checked (oidc.ts), the rules decide (rules.ts), the
//    user is created or linked, and a single-use ticket of one minute is issued.
// 3. redeemSsoTicket: Auth.js's "sso" credentials provider exchanges the ticket for a session.
// Every sign-in and every refusal is written to the audit log.

const TICKET_TTL_MS = 60_000;

const hashTicket = hashToken;
const encryptionKey = () => encryptionEnv().MOMENTS_ENCRYPTION_KEY;

async function auditRefusal(
  entry: { organizationId: string | null; actorId?: string | null; email: string | null },
  reason: TSsoFailure,
  meta: TRequestMeta,
  extra: Record<string, string> = {},
) {
  // A refusal that names no organization (no SSO for the domain, no flow) is not written: anyone
  // could fill the append-only log with them (the rule of lib/audit/refusals.ts).
  if (!entry.organizationId) return;
  await writeAuditLog({
    organizationId: entry.organizationId,
    actorId: entry.actorId ?? null,
    action: "auth.sso_refused",
    details: { email: entry.email ?? "", reason, ...extra },
    meta,
  });
}

/** An enabled connection that covers the domain, with its secret opened; null when there is none. */
async function enabledConnection(where: { domain: string } | { organizationId: string }) {
  const connection = await db.ssoConnection.findFirst({
    where: {
      isEnabled: true,
      ...("domain" in where ? { domains: { some: { domain: where.domain } } } : where),
    },
    select: {
      organizationId: true,
      issuer: true,
      clientId: true,
      clientSecretEncrypted: true,
      defaultRole: true,
      domains: { select: { domain: true } },
    },
  });
  const clientSecret = connection && openClientSecret(connection.clientSecretEncrypted);
  if (!connection || !clientSecret) return null;
  return { ...connection, clientSecret, domains: connection.domains.map((d) => d.domain) };
}

export type TSsoStart =
  | { ok: true; authorizationUrl: string; flowCookie: string }
  | { ok: false; reason: "not_configured" | "provider_error" };

/** Step 1. Throws a VALIDATION AppError for a malformed email. */
export async function startSsoSignIn(
  input: unknown,
  redirectUri: string,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TSsoStart> {
  const { email } = parseInput(ZSsoStartInput, input);
  const domain = emailDomainOf(email);
  const connection = domain ? await enabledConnection({ domain }) : null;
  if (!connection) {
    await auditRefusal({ organizationId: null, email }, "not_configured", meta);
    return { ok: false, reason: "not_configured" };
  }
  try {
    const { url, checks } = await beginAuthorization({ ...connection, redirectUri });
    const flowCookie = sealFlow(
      {
        organizationId: connection.organizationId,
        redirectUri,
        checks,
        expiresAt: now.getTime() + SSO_FLOW_TTL_SECONDS * 1000,
      },
      encryptionKey(),
    );
    return { ok: true, authorizationUrl: url.toString(), flowCookie };
  } catch (error) {
    await auditRefusal(
      { organizationId: connection.organizationId, email },
      "provider_error",
      meta,
      { error: errorText(error) },
    );
    return { ok: false, reason: "provider_error" };
  }
}

export type TSsoFinish = { ok: true; ticket: string } | { ok: false; reason: TSsoFailure };

/** Step 2: the provider's answer at the callback URL, with the flow cookie the browser brought back. */
export async function finishSsoSignIn(
  callbackUrl: URL,
  flowCookie: string | undefined,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TSsoFinish> {
  const flow = openFlow(flowCookie, encryptionKey(), now);
  if (!flow) {
    await auditRefusal({ organizationId: null, email: null }, "flow_invalid", meta);
    return { ok: false, reason: "flow_invalid" };
  }
  const connection = await enabledConnection({ organizationId: flow.organizationId });
  if (!connection) {
    await auditRefusal(
      { organizationId: flow.organizationId, email: null },
      "not_configured",
      meta,
    );
    return { ok: false, reason: "not_configured" };
  }

  let identity;
  try {
    identity = await completeAuthorization(
      { ...connection, redirectUri: flow.redirectUri },
      callbackUrl,
      flow.checks,
    );
  } catch (error) {
    if (!(error instanceof OidcFlowError)) throw error;
    await auditRefusal(
      { organizationId: connection.organizationId, email: null },
      "provider_error",
      meta,
      { error: errorText(error) },
    );
    return { ok: false, reason: "provider_error" };
  }
  return signInIdentity(connection, identity, meta, now);
}

async function signInIdentity(
  connection: NonNullable<Awaited<ReturnType<typeof enabledConnection>>>,
  identity: Awaited<ReturnType<typeof completeAuthorization>>,
  meta: TRequestMeta,
  now: Date,
  isRetry = false,
): Promise<TSsoFinish> {
  const existing = identity.email
    ? await db.user.findUnique({
        where: { email: identity.email },
        select: { id: true, organizationId: true, isActive: true },
      })
    : null;
  const decision = decideSsoSignIn({
    organizationId: connection.organizationId,
    domains: connection.domains,
    claims: identity,
    existing,
  });
  if (decision.kind === "refuse") {
    const isMember = existing?.organizationId === connection.organizationId;
    await auditRefusal(
      {
        organizationId: connection.organizationId,
        actorId: isMember ? existing.id : null,
        email: identity.email,
      },
      decision.reason,
      meta,
      { subject: identity.subject },
    );
    return { ok: false, reason: decision.reason };
  }

  const email = identity.email!;
  const ticket = randomToken();
  try {
    await db.$transaction(async (tx) => {
      const user =
        decision.kind === "link"
          ? await tx.user.update({
              where: { id: decision.userId },
              data: { lastSignInAt: now },
              select: { id: true },
            })
          : await tx.user.create({
              data: {
                organizationId: connection.organizationId,
                email,
                name: identity.name || email.slice(0, email.indexOf("@")),
                role: connection.defaultRole,
                passwordHash: null,
                lastSignInAt: now,
              },
              select: { id: true },
            });
      if (decision.kind === "create")
        await writeAuditLog(
          {
            organizationId: connection.organizationId,
            actorId: user.id,
            action: "user.create",
            entityType: "User",
            entityId: user.id,
            details: { email, role: connection.defaultRole, via: "sso" },
            meta,
          },
          tx,
        );
      await writeAuditLog(
        {
          organizationId: connection.organizationId,
          actorId: user.id,
          action: "auth.sso_sign_in",
          details: { email, subject: identity.subject, created: decision.kind === "create" },
          meta,
        },
        tx,
      );
      await tx.ssoSignInTicket.deleteMany({ where: { expiresAt: { lt: now } } });
      await tx.ssoSignInTicket.create({
        data: {
          tokenHash: hashTicket(ticket),
          userId: user.id,
          expiresAt: new Date(now.getTime() + TICKET_TTL_MS),
        },
      });
    });
  } catch (error) {
    // The same person's sign-in in another tab created the user first: decide again (a link).
    if (isUniqueViolation(error) && !isRetry)
      return signInIdentity(connection, identity, meta, now, true);
    throw error;
  }
  return { ok: true, ticket };
}

/** Step 3: the ticket's user, once; null for an unknown, used or expired ticket, or a deactivated user. */
export async function redeemSsoTicket(
  ticket: unknown,
  now: Date = new Date(),
): Promise<TSignedInUser | null> {
  if (typeof ticket !== "string" || ticket.length === 0 || ticket.length > 100) return null;
  const [redeemed] = await db.$queryRaw<Array<{ userId: string; expiresAt: Date }>>`
    DELETE FROM "SsoSignInTicket" WHERE "tokenHash" = ${hashTicket(ticket)}
    RETURNING "userId", "expiresAt"`;
  if (!redeemed || redeemed.expiresAt <= now) return null;
  return findActiveSessionUser(redeemed.userId);
}

const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 300);
