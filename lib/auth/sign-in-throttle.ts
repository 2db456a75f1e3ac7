// The sign-in throttling policy: pure functions of a key's state and the time, no I/O. The
// store (sign-in-throttle-store.ts) keeps one state per key in PostgreSQL and calls these inside a
// transaction that holds the key's row lock.
//
// Two keys are checked for every attempt, and the attempt is refused if either refuses:
//
// - The account (the normalized email, whether or not an account has it): online guessing of one
//   password. Five failures in a row cost nothing (typos happen); then each further failure makes
//   the next attempt wait 1 s, 2 s, 4 s … up to 30 s. On top of that, a hard limit: at most 100
//   failures in any 60 minutes (NIST SP 800-63B's figure), after which even the right password is
//   refused until the oldest of those failures is an hour old. The cap of the back-off is kept
//   short (30 s) because the person locked out is usually the account's owner; the hourly limit
//   is what bounds an attacker (≤ 100 guesses an hour, against a password that is at least 12
//   characters and not on the common-passwords list).
//
// - The client address: password spraying — one common password tried against many accounts, a
//   few tries each, which the per-account limit never sees. Its limit is higher (300 failures an
//   hour) and has no back-off because many honest people share one address: an office or a call
//   centre behind one NAT, a mobile carrier's CGNAT. Three times the account limit leaves room for
//   a floor of agents' typos while still capping a sprayer at 300 guesses an hour. The address is
//   the first X-Forwarded-For hop, which a client can forge unless the reverse proxy overwrites it
//   (SECURITY.md): the per-account limit does not depend on it.
//
// Attempts are counted BEFORE the password is checked (a pending failure), and a success refunds
// its own pending failure: concurrent attempts on one account are thereby serialized by the row
// lock and each sees the others, so a burst of parallel requests cannot slip past the back-off.
// A success resets the back-off (the owner who finally typed it right is not made to wait next
// time) but not the hourly count: a success says nothing about who made the failures, and
// resetting it would hand an attacker a fresh 100 guesses every time the owner signs in.
// A refused attempt is not counted: counting it would let anyone extend a lock-out for ever.

export type TBackOff = {
  /** Failures in a row that cost nothing. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export type TThrottleLimits = {
  /** At most this many failures within any `windowMs`. */
  maxFailures: number;
  windowMs: number;
  backOff: TBackOff | null;
};

export const HOUR_MS = 60 * 60 * 1000;

export const ACCOUNT_LIMITS: TThrottleLimits = {
  maxFailures: 100,
  windowMs: HOUR_MS,
  backOff: { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 30_000 },
};

export const ADDRESS_LIMITS: TThrottleLimits = {
  maxFailures: 300,
  windowMs: HOUR_MS,
  backOff: null,
};

/** Throttled attempts of one key reach the audit log at most once per this interval (with a count). */
const REFUSAL_AUDIT_INTERVAL_MS = 60_000;

export type TThrottleState = {
  /** Failures within the window, oldest first. */
  failureTimes: Date[];
  consecutiveFailures: number;
  lastFailureAt: Date | null;
  unauditedRefusals: number;
  lastRefusalAuditAt: Date | null;
};

export const EMPTY_THROTTLE_STATE: TThrottleState = {
  failureTimes: [],
  consecutiveFailures: 0,
  lastFailureAt: null,
  unauditedRefusals: 0,
  lastRefusalAuditAt: null,
};

export type TThrottleReason = "back_off" | "hourly_limit";

export type TThrottleDecision =
  { allowed: true } | { allowed: false; reason: TThrottleReason; retryAt: Date };

/** How long to wait after `consecutiveFailures` failures in a row: 0 while they are free. */
export function backOffDelayMs(consecutiveFailures: number, backOff: TBackOff | null): number {
  if (!backOff) return 0;
  const beyondFree = consecutiveFailures - backOff.freeFailures;
  if (beyondFree <= 0) return 0;
  // 2 ** 30 is already far beyond any cap: the exponent stays bounded.
  return Math.min(backOff.maxDelayMs, backOff.baseDelayMs * 2 ** Math.min(beyondFree - 1, 30));
}

/**
 * The state as it stands at `now`: failures older than the window are dropped, and once none is
 * left the back-off is forgotten too (an hour without a failure starts afresh), whether or not
 * the store has deleted the row yet.
 */
function currentState(state: TThrottleState, limits: TThrottleLimits, now: Date): TThrottleState {
  const windowStart = now.getTime() - limits.windowMs;
  const failureTimes = state.failureTimes.filter((time) => time.getTime() > windowStart);
  if (failureTimes.length > 0) return { ...state, failureTimes };
  return { ...state, failureTimes, consecutiveFailures: 0, lastFailureAt: null };
}

/** Whether an attempt may go ahead now; if not, why and from when it may. */
export function decideAttempt(
  stored: TThrottleState,
  limits: TThrottleLimits,
  now: Date,
): TThrottleDecision {
  const state = currentState(stored, limits, now);
  const recent = state.failureTimes;
  if (recent.length >= limits.maxFailures) {
    // The window slides: one more attempt becomes possible when enough of the oldest age out.
    const freedBy = recent[recent.length - limits.maxFailures]!;
    return {
      allowed: false,
      reason: "hourly_limit",
      retryAt: new Date(freedBy.getTime() + limits.windowMs),
    };
  }
  const delay = backOffDelayMs(state.consecutiveFailures, limits.backOff);
  if (delay > 0 && state.lastFailureAt) {
    const retryAt = new Date(state.lastFailureAt.getTime() + delay);
    if (retryAt > now) return { allowed: false, reason: "back_off", retryAt };
  }
  return { allowed: true };
}

/** The state after an attempt at `at` is counted as a failure (before its password is checked). */
export function recordFailure(
  stored: TThrottleState,
  limits: TThrottleLimits,
  at: Date,
): TThrottleState {
  const state = currentState(stored, limits, at);
  return {
    ...state,
    failureTimes: [...state.failureTimes, at],
    consecutiveFailures: state.consecutiveFailures + 1,
    lastFailureAt: at,
  };
}

/** The state after the attempt counted at `attemptAt` succeeded: its failure is refunded, the back-off reset. */
export function recordSuccess(state: TThrottleState, attemptAt: Date): TThrottleState {
  const index = state.failureTimes.findLastIndex((time) => time.getTime() === attemptAt.getTime());
  const failureTimes = index === -1 ? state.failureTimes : state.failureTimes.toSpliced(index, 1);
  return {
    ...state,
    failureTimes,
    consecutiveFailures: 0,
    lastFailureAt: failureTimes.at(-1) ?? null,
  };
}

/**
 * Notes a refused attempt. Returns whether to write it to the audit log now — at most once per
 * REFUSAL_AUDIT_INTERVAL_MS per key, carrying how many were refused since the last entry — so that
 * hammering a locked account cannot flood the log.
 */
export function noteRefusal(
  state: TThrottleState,
  now: Date,
): { state: TThrottleState; audit: { refusals: number } | null } {
  const refusals = state.unauditedRefusals + 1;
  const isDue =
    !state.lastRefusalAuditAt ||
    now.getTime() - state.lastRefusalAuditAt.getTime() >= REFUSAL_AUDIT_INTERVAL_MS;
  if (!isDue) return { state: { ...state, unauditedRefusals: refusals }, audit: null };
  return {
    state: { ...state, unauditedRefusals: 0, lastRefusalAuditAt: now },
    audit: { refusals },
  };
}

/** From when the state limits nothing any more, so that its row may be deleted. */
export function expiryOf(state: TThrottleState, limits: TThrottleLimits): Date {
  const times = [
    ...state.failureTimes.map((time) => time.getTime() + limits.windowMs),
    state.lastFailureAt
      ? state.lastFailureAt.getTime() + backOffDelayMs(state.consecutiveFailures, limits.backOff)
      : 0,
    // Keep the audit pacing of a key that is being hammered.
    state.lastRefusalAuditAt ? state.lastRefusalAuditAt.getTime() + REFUSAL_AUDIT_INTERVAL_MS : 0,
  ];
  return new Date(Math.max(...times));
}

/**
 * The combined answer for several keys: allowed only if every key allows; otherwise the latest
 * retry time among those that refuse (the attempt is possible only when all of them allow it).
 */
export function combineDecisions(decisions: TThrottleDecision[]): TThrottleDecision {
  const refusals = decisions.filter((decision) => !decision.allowed);
  if (refusals.length === 0) return { allowed: true };
  return refusals.reduce((latest, refusal) =>
    refusal.retryAt > latest.retryAt ? refusal : latest,
  );
}
