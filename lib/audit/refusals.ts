import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { PermissionDenied, type TActor } from "@/lib/auth/permissions";
import type { TRequestMeta } from "./schemas";
import { writeAuditLog } from "./log";

// Refused requests go to the audit log: they are how privilege probing, a stolen session that
// was revoked, or a leaked API key show. Two bounds keep a looping client or a scanner from
// filling the table:
// - Only refusals that can be attributed are written: each names an organization (and a user or
//   an API key), so that an admin of that organization can read it. Anonymous refusals (no session
//   cookie, an unknown API key) are noise from the internet with nobody to read them; the proxy
//   sends such visitors to the sign-in page and the API's per-address limit cuts them off.
// - At most REFUSALS_PER_MINUTE entries a minute per user (or API key) and kind, per app process.
//   A lookup of another organization's id (lib/audit/cross-organization.ts) asked outside a
//   signed-in request (a script) is bounded per organization instead: its entity is the id asked.
//   Memory is enough here: the bound limits volume, it protects nothing.

const REFUSAL_ACTIONS = {
  forbidden: "access.forbidden",
  session_revoked: "access.session_revoked",
  api_key_revoked: "access.api_key_revoked",
  api_scope_missing: "access.api_scope_missing",
  cross_organization: "access.cross_organization",
} as const;
type TRefusalKind = keyof typeof REFUSAL_ACTIONS;

export type TRefusal = {
  kind: TRefusalKind;
  organizationId: string;
  /** The signed-in user refused; null for an API key (and a cross-organization lookup without a session). */
  actorId: string | null;
  /** For an API key: the key. */
  entity?: { type: string; id: string };
  /** What was asked for: a permission, a page, a scope. */
  details?: Record<string, string>;
  meta?: TRequestMeta;
};

export const REFUSALS_PER_MINUTE = 10;

let limiter = new RateLimiterMemory({
  keyPrefix: "audit-refusal",
  points: REFUSALS_PER_MINUTE,
  duration: 60,
});

/** Forgets every count: for tests. */
export function resetRefusalAuditLimits(): void {
  limiter = new RateLimiterMemory({
    keyPrefix: "audit-refusal",
    points: REFUSALS_PER_MINUTE,
    duration: 60,
  });
}

/** Writes a refused request to the audit log unless its source is over the bound. Returns whether it was written. */
export async function auditRefusal(refusal: TRefusal): Promise<boolean> {
  const source =
    refusal.actorId ??
    (refusal.kind === "cross_organization" ? refusal.organizationId : refusal.entity?.id) ??
    refusal.organizationId;
  try {
    await limiter.consume(`${refusal.kind}:${source}`);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
  try {
    await writeAuditLog({
      organizationId: refusal.organizationId,
      actorId: refusal.actorId,
      action: REFUSAL_ACTIONS[refusal.kind],
      entityType: refusal.entity?.type,
      entityId: refusal.entity?.id,
      details: refusal.details ?? {},
      meta: refusal.meta,
    });
    return true;
  } catch (error) {
    // The request is refused either way: a failed write must not turn a 403 into a 500.
    console.error("Could not write a refused request to the audit log", error);
    return false;
  }
}

/** For route handlers: writes a signed-in user's missing permission, with the path asked for. */
export async function auditForbiddenRequest(
  actor: TActor | null,
  error: unknown,
  path: string,
  meta: TRequestMeta,
): Promise<void> {
  if (!actor || !(error instanceof PermissionDenied)) return;
  await auditRefusal({
    kind: "forbidden",
    organizationId: actor.organizationId,
    actorId: actor.id,
    details: { permission: error.permission, path },
    meta,
  });
}
