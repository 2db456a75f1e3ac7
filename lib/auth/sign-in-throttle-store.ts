import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import {
  ACCOUNT_LIMITS,
  ADDRESS_LIMITS,
  combineDecisions,
  decideAttempt,
  EMPTY_THROTTLE_STATE,
  expiryOf,
  noteRefusal,
  recordFailure,
  recordSuccess,
  type TThrottleLimits,
  type TThrottleReason,
  type TThrottleState,
} from "./sign-in-throttle";

// The sign-in throttle's state in PostgreSQL (table SignInThrottle, one row per key), so that it
// is shared by every app server and survives a restart. Each call is one short transaction that
// locks the rows of its keys (in key order: no deadlock between two attempts), applies the pure
// policy of sign-in-throttle.ts and writes the result. The password is checked between two such
// transactions, never while a lock is held.

type TThrottleScope = "account" | "address";
export type TThrottleKey = { key: string; scope: TThrottleScope; limits: TThrottleLimits };

/** The keys of one attempt: the account (the email, whether or not it has an account) and the address, when known. */
export function signInThrottleKeys(email: string, ipAddress: string): TThrottleKey[] {
  const keys: TThrottleKey[] = [
    { key: `account:${email}`, scope: "account", limits: ACCOUNT_LIMITS },
  ];
  // Without an address (no proxy header), every client would share one key that anybody could exhaust.
  if (ipAddress)
    keys.push({ key: `address:${ipAddress}`, scope: "address", limits: ADDRESS_LIMITS });
  return keys;
}

export type TSignInClaim =
  | { allowed: true; attemptAt: Date }
  | {
      allowed: false;
      reason: TThrottleReason;
      scope: TThrottleScope;
      retryAt: Date;
      audit: { refusals: number } | null;
    };

type TTx = Prisma.TransactionClient;

const sortedByKey = (keys: TThrottleKey[]) =>
  [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** Locks the keys' rows (in key order), creating the missing ones, and reads their states. */
async function lockStates(
  tx: TTx,
  keys: TThrottleKey[],
  now: Date,
): Promise<Map<string, TThrottleState>> {
  await tx.$executeRaw`
    INSERT INTO "SignInThrottle" ("key", "failureTimes", "expiresAt")
    SELECT k, '{}', ${now.toISOString()}::timestamp(3) FROM unnest(${keys.map((k) => k.key)}::text[]) AS k ORDER BY k
    ON CONFLICT ("key") DO UPDATE SET "key" = EXCLUDED."key"`;
  const rows = await tx.signInThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  return new Map(
    rows.map((row) => [
      row.key,
      { ...EMPTY_THROTTLE_STATE, ...row, failureTimes: row.failureTimes ?? [] },
    ]),
  );
}

async function saveState(
  tx: TTx,
  { key, limits }: TThrottleKey,
  state: TThrottleState,
): Promise<void> {
  const {
    failureTimes,
    consecutiveFailures,
    lastFailureAt,
    unauditedRefusals,
    lastRefusalAuditAt,
  } = state;
  await tx.signInThrottle.update({
    where: { key },
    data: {
      failureTimes,
      consecutiveFailures,
      lastFailureAt,
      unauditedRefusals,
      lastRefusalAuditAt,
      expiresAt: expiryOf(state, limits),
    },
  });
}

/**
 * Asks to make an attempt now. Allowed: the attempt is already counted as a failure of every key
 * (call recordSignInSuccess to refund it). Refused: nothing is counted; `audit` says whether this
 * refusal is due for the audit log (at most one entry a minute per key).
 */
export async function claimSignInAttempt(keys: TThrottleKey[], now: Date): Promise<TSignInClaim> {
  const ordered = sortedByKey(keys);
  const claim = await db.$transaction(async (tx): Promise<TSignInClaim> => {
    const states = await lockStates(tx, ordered, now);
    const stateOf = (key: TThrottleKey) => states.get(key.key) ?? EMPTY_THROTTLE_STATE;
    const decisions = ordered.map((key) => ({
      key,
      decision: decideAttempt(stateOf(key), key.limits, now),
    }));
    const combined = combineDecisions(decisions.map((d) => d.decision));
    if (combined.allowed) {
      for (const key of ordered)
        await saveState(tx, key, recordFailure(stateOf(key), key.limits, now));
      return { allowed: true, attemptAt: now };
    }
    const refusing = decisions.find((d) => d.decision === combined)!.key;
    const noted = noteRefusal(stateOf(refusing), now);
    await saveState(tx, refusing, noted.state);
    return {
      allowed: false,
      reason: combined.reason,
      scope: refusing.scope,
      retryAt: combined.retryAt,
      audit: noted.audit,
    };
  });
  await pruneExpiredThrottles(now);
  return claim;
}

/** The attempt claimed at `attemptAt` succeeded: refund its failure and reset each key's back-off. */
export async function recordSignInSuccess(keys: TThrottleKey[], attemptAt: Date): Promise<void> {
  const ordered = sortedByKey(keys);
  await db.$transaction(async (tx) => {
    const states = await lockStates(tx, ordered, attemptAt);
    for (const key of ordered)
      await saveState(
        tx,
        key,
        recordSuccess(states.get(key.key) ?? EMPTY_THROTTLE_STATE, attemptAt),
      );
  });
}

/** Deletes rows that limit nothing any more, a bounded batch at a time, skipping rows in use. */
async function pruneExpiredThrottles(now: Date, batch = 500): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "SignInThrottle" WHERE "key" IN (
      SELECT "key" FROM "SignInThrottle" WHERE "expiresAt" <= ${now.toISOString()}::timestamp(3)
      ORDER BY "expiresAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)`;
}
