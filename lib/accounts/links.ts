import "server-only";
import type { AccountTokenPurpose, Locale, Role } from "@/lib/db/generated/client";
import { db, type Prisma } from "@/lib/db/client";
import { deploymentEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashToken, randomToken } from "@/lib/security/tokens";
import { LINK_LIFETIME_MS, linkState, type TLinkState } from "./link-rules";

// Single-use links (AccountToken): issued with a random token of which only the hash is kept,
// claimed at most once — atomically, inside the transaction that does what the link allows, so a
// failed step leaves it usable and two tabs cannot both use it.

type TTx = Prisma.TransactionClient;

export type TLinkFields = {
  organizationId?: string | null;
  userId?: string | null;
  email?: string | null;
  role?: Role | null;
  locale?: Locale | null;
  createdById?: string | null;
};

/** The page each kind of link opens. */
const LINK_PATHS: Record<AccountTokenPurpose, string> = {
  SETUP: "/setup",
  INVITATION: "/invite",
  PASSWORD_RESET: "/reset-password",
};

/** The address people open: MOMENTS_PUBLIC_URL, never a request's Host header (a client can forge that). */
function linkUrl(purpose: AccountTokenPurpose, token: string): string {
  const base = deploymentEnv().MOMENTS_PUBLIC_URL;
  return purpose === "SETUP"
    ? `${base}${LINK_PATHS.SETUP}?token=${token}`
    : `${base}${LINK_PATHS[purpose]}/${token}`;
}

export async function issueLink(
  tx: TTx,
  purpose: AccountTokenPurpose,
  fields: TLinkFields,
  { now = new Date(), lifetimeMs = LINK_LIFETIME_MS[purpose] } = {},
): Promise<{ id: string; token: string; url: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  const { id } = await tx.accountToken.create({
    data: { purpose, tokenHash: hashToken(token), expiresAt, ...fields },
    select: { id: true },
  });
  return { id, token, url: linkUrl(purpose, token), expiresAt };
}

const linkSelect = {
  id: true,
  purpose: true,
  organizationId: true,
  userId: true,
  email: true,
  role: true,
  locale: true,
  usedAt: true,
  revokedAt: true,
  expiresAt: true,
  organization: { select: { name: true } },
} as const;

export type TStoredLink = Prisma.AccountTokenGetPayload<{ select: typeof linkSelect }>;

/** What a link is, for the page it opens (nothing is claimed). Null when no such link exists. */
export async function findLink(
  purpose: AccountTokenPurpose,
  token: string,
  now = new Date(),
): Promise<(TStoredLink & { state: TLinkState }) | null> {
  const link = await db.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: linkSelect,
  });
  if (!link || link.purpose !== purpose) return null;
  return { ...link, state: linkState(link, now) };
}

/**
 * Uses the link, once: marks it used inside `tx` and returns it, or throws a CONFLICT naming why
 * it cannot be used (unknown, used, revoked, expired) — the same answer whatever the token was.
 */
export async function claimLink(
  tx: TTx,
  purpose: AccountTokenPurpose,
  token: string,
  now = new Date(),
): Promise<TStoredLink> {
  const tokenHash = hashToken(token);
  const { count } = await tx.accountToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) {
    const link = await tx.accountToken.findUnique({ where: { tokenHash }, select: linkSelect });
    const state = link && link.purpose === purpose ? linkState(link, now) : "unknown";
    throw new AppError("CONFLICT", `accounts.link.${state === "usable" ? "unknown" : state}`);
  }
  return tx.accountToken.findUniqueOrThrow({ where: { tokenHash }, select: linkSelect });
}

/** Revokes the unused links of one kind that match (a newer one replaces them). */
export async function revokeLinks(
  tx: TTx,
  purpose: AccountTokenPurpose,
  where: Prisma.AccountTokenWhereInput,
  now = new Date(),
): Promise<number> {
  const { count } = await tx.accountToken.updateMany({
    where: { ...where, purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}
