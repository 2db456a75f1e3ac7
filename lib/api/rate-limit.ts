import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { apiEnv } from "@/lib/env";

// Two limits guard /api/v1:
// - per API key: N requests a minute (API_RATE_LIMIT_PER_MINUTE, 120 by default), so one
//   misbehaving integration cannot starve the others;
// - per client address, on failed authentication only: a flood of guessed or revoked keys is
//   cut off after a few tries (answered 429 without counting further), while a valid key is
//   never limited by its address — many kiosks share one NAT address, and the address comes
//   from X-Forwarded-For, which anyone can forge to lock others out.
// The counters live in this process's memory, which is right for the one server `npm start`
// runs. Several replicas behind a load balancer would each count separately: they would need a
// shared store (rate-limiter-flexible's RateLimiterPostgres or RateLimiterRedis, same API).

export type TApiRateLimits = {
  requestsPerMinute: number;
  failedAuthPerAddress: number;
  failedAuthWindowSeconds: number;
};

const DEFAULT_FAILED_AUTH = { failedAuthPerAddress: 20, failedAuthWindowSeconds: 10 * 60 };

type TLimiters = {
  perKey: RateLimiterMemory;
  failedAuth: RateLimiterMemory;
  limits: TApiRateLimits;
};
let limiters: TLimiters | undefined;

/** Replaces the limits and forgets every count: for tests, the benchmark, and startup. */
export function configureApiRateLimits(overrides: Partial<TApiRateLimits> = {}): TApiRateLimits {
  const limits = {
    requestsPerMinute: apiEnv().API_RATE_LIMIT_PER_MINUTE,
    ...DEFAULT_FAILED_AUTH,
    ...overrides,
  };
  limiters = {
    limits,
    perKey: new RateLimiterMemory({
      keyPrefix: "api-key",
      points: limits.requestsPerMinute,
      duration: 60,
    }),
    failedAuth: new RateLimiterMemory({
      keyPrefix: "api-auth-failure",
      points: limits.failedAuthPerAddress,
      duration: limits.failedAuthWindowSeconds,
      blockDuration: limits.failedAuthWindowSeconds,
    }),
  };
  return limits;
}

const current = () => limiters ?? (configureApiRateLimits(), limiters!);

export type TRateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** Counts one request of the key; refused once the minute's allowance is spent. */
export async function consumeKeyRequest(apiKeyId: string): Promise<TRateDecision> {
  try {
    await current().perKey.consume(apiKeyId);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return { ok: false, retryAfterMs: rejection.msBeforeNext };
    throw rejection;
  }
}

/** Whether the address has failed authentication too often lately. */
export async function checkFailedAuth(address: string): Promise<TRateDecision> {
  const { failedAuth, limits } = current();
  const state = await failedAuth.get(address);
  return state && state.consumedPoints >= limits.failedAuthPerAddress
    ? { ok: false, retryAfterMs: state.msBeforeNext }
    : { ok: true };
}

export async function recordFailedAuth(address: string): Promise<void> {
  await current()
    .failedAuth.consume(address)
    .catch((rejection: unknown) => {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    });
}
