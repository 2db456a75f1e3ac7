// How long each kind of single-use link lives, and what a stored link's state is. Pure.

export type TLinkPurpose = "SETUP" | "INVITATION" | "PASSWORD_RESET";

const HOUR_MS = 60 * 60 * 1000;

export const LINK_LIFETIME_MS = {
  /** Printed by `npm start`; a new one replaces it at every start until setup is done. */
  SETUP: 24 * HOUR_MS,
  /** Long enough for a weekend (the default). */
  INVITATION: 72 * HOUR_MS,
  /** Issued by an admin and handed over, possibly the next working day. */
  PASSWORD_RESET: 24 * HOUR_MS,
} as const satisfies Record<TLinkPurpose, number>;

/** "Forgot password" mails a link to whoever can read the mailbox: kept short. */
export const SELF_SERVICE_RESET_LIFETIME_MS = 1 * HOUR_MS;

/** "Forgot password" sends at most one message per account in this time, however often it is asked. */
export const SELF_SERVICE_RESET_COOLDOWN_MS = 2 * 60 * 1000;

export type TLinkState = "usable" | "used" | "revoked" | "expired";

export function linkState(
  link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): TLinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() > now.getTime() ? "usable" : "expired";
}
