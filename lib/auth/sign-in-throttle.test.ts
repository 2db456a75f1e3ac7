import { describe, expect, it } from "vitest";
import {
  ACCOUNT_LIMITS,
  ADDRESS_LIMITS,
  backOffDelayMs,
  combineDecisions,
  decideAttempt,
  EMPTY_THROTTLE_STATE,
  expiryOf,
  HOUR_MS,
  noteRefusal,
  recordFailure,
  recordSuccess,
  type TThrottleLimits,
  type TThrottleState,
} from "./sign-in-throttle";

const T0 = new Date("2026-11-25T03:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Fails `count` times, each attempt made as soon as the policy allows it; returns the state and the last attempt's time. */
function failAsSoonAsAllowed(
  limits: TThrottleLimits,
  count: number,
  start = T0,
  from: TThrottleState = EMPTY_THROTTLE_STATE,
) {
  let state = from;
  let now = start;
  for (let i = 0; i < count; i += 1) {
    const decision = decideAttempt(state, limits, now);
    if (!decision.allowed) now = decision.retryAt;
    expect(decideAttempt(state, limits, now)).toEqual({ allowed: true });
    state = recordFailure(state, limits, now);
  }
  return { state, now };
}

describe("backOffDelayMs", () => {
  it("is free for the first five failures, then doubles from 1 s and stops at 30 s", () => {
    const delays = Array.from({ length: 14 }, (_, i) =>
      backOffDelayMs(i + 1, ACCOUNT_LIMITS.backOff),
    );
    expect(delays).toEqual([
      0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
    expect(backOffDelayMs(10_000, ACCOUNT_LIMITS.backOff)).toBe(30_000);
  });

  it("is zero without a back-off (the per-address limit)", () => {
    expect(backOffDelayMs(1000, ADDRESS_LIMITS.backOff)).toBe(0);
  });
});

describe("decideAttempt", () => {
  it("lets the five free failures through at once, then makes the next attempt wait", () => {
    let state = EMPTY_THROTTLE_STATE;
    for (let i = 0; i < 5; i += 1) {
      expect(decideAttempt(state, ACCOUNT_LIMITS, T0)).toEqual({ allowed: true });
      state = recordFailure(state, ACCOUNT_LIMITS, T0);
    }
    expect(decideAttempt(state, ACCOUNT_LIMITS, T0)).toEqual({ allowed: true }); // the 6th attempt
    state = recordFailure(state, ACCOUNT_LIMITS, T0);
    expect(decideAttempt(state, ACCOUNT_LIMITS, at(999))).toEqual({
      allowed: false,
      reason: "back_off",
      retryAt: at(1000),
    });
    expect(decideAttempt(state, ACCOUNT_LIMITS, at(1000))).toEqual({ allowed: true });
  });

  it("allows at most 100 failures in any hour, then refuses until the oldest is an hour old", () => {
    const { state, now } = failAsSoonAsAllowed(ACCOUNT_LIMITS, 100);
    // With the back-off at its 30 s cap, the 100th failure comes about 47 minutes in.
    expect(now.getTime() - T0.getTime()).toBeLessThan(HOUR_MS);
    const decision = decideAttempt(state, ACCOUNT_LIMITS, at(HOUR_MS - 1));
    expect(decision).toEqual({ allowed: false, reason: "hourly_limit", retryAt: at(HOUR_MS) });
    expect(decideAttempt(state, ACCOUNT_LIMITS, at(HOUR_MS))).toEqual({ allowed: true });
  });

  it("never lets more than 100 failures into any 60 minutes, however the attempts are timed", () => {
    // failureTimes keeps only the last hour: note every failure of a long run to check every window.
    const all: number[] = [];
    let replay = EMPTY_THROTTLE_STATE;
    let now = T0;
    for (let i = 0; i < 400; i += 1) {
      const decision = decideAttempt(replay, ACCOUNT_LIMITS, now);
      if (!decision.allowed) now = decision.retryAt;
      replay = recordFailure(replay, ACCOUNT_LIMITS, now);
      all.push(now.getTime());
    }
    for (let i = 0; i + 100 < all.length; i += 1)
      expect(all[i + 100]! - all[i]!).toBeGreaterThanOrEqual(HOUR_MS);
  });

  it("has no back-off per address, only the higher hourly limit", () => {
    let state = EMPTY_THROTTLE_STATE;
    for (let i = 0; i < 300; i += 1) {
      expect(decideAttempt(state, ADDRESS_LIMITS, T0)).toEqual({ allowed: true });
      state = recordFailure(state, ADDRESS_LIMITS, T0);
    }
    expect(decideAttempt(state, ADDRESS_LIMITS, at(1000))).toEqual({
      allowed: false,
      reason: "hourly_limit",
      retryAt: at(HOUR_MS),
    });
  });

  it("forgets the back-off after an hour without failures", () => {
    const { state, now } = failAsSoonAsAllowed(ACCOUNT_LIMITS, 20);
    const later = new Date(now.getTime() + HOUR_MS);
    const next = recordFailure(state, ACCOUNT_LIMITS, later);
    expect(next.consecutiveFailures).toBe(1);
    expect(decideAttempt(next, ACCOUNT_LIMITS, later)).toEqual({ allowed: true });
  });
});

describe("recordSuccess", () => {
  it("refunds the attempt's own pending failure and resets the back-off, not the hourly count", () => {
    const { state, now } = failAsSoonAsAllowed(ACCOUNT_LIMITS, 10);
    const attemptAt = new Date(now.getTime() + 30_000);
    const pending = recordFailure(state, ACCOUNT_LIMITS, attemptAt);
    const after = recordSuccess(pending, attemptAt);
    expect(after.consecutiveFailures).toBe(0);
    expect(after.failureTimes).toEqual(state.failureTimes);
    expect(decideAttempt(after, ACCOUNT_LIMITS, attemptAt)).toEqual({ allowed: true });
  });

  it("keeps the hourly limit in force: 100 failures then a success still leave the account locked", () => {
    const { state, now } = failAsSoonAsAllowed(ACCOUNT_LIMITS, 99);
    const attemptAt = new Date(now.getTime() + 30_000);
    const succeeded = recordSuccess(recordFailure(state, ACCOUNT_LIMITS, attemptAt), attemptAt);
    const hundredth = recordFailure(succeeded, ACCOUNT_LIMITS, attemptAt);
    expect(decideAttempt(hundredth, ACCOUNT_LIMITS, attemptAt)).toMatchObject({
      allowed: false,
      reason: "hourly_limit",
    });
  });
});

describe("noteRefusal", () => {
  it("asks for an audit entry at most once a minute per key, with the count of refusals since the last", () => {
    let state = EMPTY_THROTTLE_STATE;
    const audits: Array<{ refusals: number } | null> = [];
    for (const ms of [0, 10_000, 20_000, 59_999, 60_000, 61_000]) {
      const noted = noteRefusal(state, at(ms));
      state = noted.state;
      audits.push(noted.audit);
    }
    expect(audits).toEqual([{ refusals: 1 }, null, null, null, { refusals: 4 }, null]);
    expect(state.unauditedRefusals).toBe(1);
  });
});

describe("expiryOf", () => {
  it("is when the newest failure leaves the window", () => {
    const { state, now } = failAsSoonAsAllowed(ACCOUNT_LIMITS, 3);
    expect(expiryOf(state, ACCOUNT_LIMITS)).toEqual(new Date(now.getTime() + HOUR_MS));
    expect(expiryOf(EMPTY_THROTTLE_STATE, ACCOUNT_LIMITS).getTime()).toBe(0);
  });
});

describe("combineDecisions", () => {
  it("allows only when every key allows, and waits for the latest", () => {
    expect(combineDecisions([{ allowed: true }, { allowed: true }])).toEqual({ allowed: true });
    expect(
      combineDecisions([
        { allowed: false, reason: "back_off", retryAt: at(1000) },
        { allowed: true },
        { allowed: false, reason: "hourly_limit", retryAt: at(5000) },
      ]),
    ).toEqual({ allowed: false, reason: "hourly_limit", retryAt: at(5000) });
  });
});
