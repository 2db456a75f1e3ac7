import type { TRequestMeta } from "./schemas";

/**
 * Client address and agent from request headers. Under `npm start`, X-Forwarded-For holds the one
 * address scripts/serve.ts computed from the socket and the trusted proxies; the first hop is
 * taken only for a server started some other way (then it is the client's word: docs/SECURITY.md).
 */
export function requestMetaFrom(headers: Headers): TRequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ipAddress: (forwarded || headers.get("x-real-ip") || "").slice(0, 64),
    userAgent: (headers.get("user-agent") ?? "").slice(0, 500),
  };
}
