import type { TRequestMeta } from "./schemas";

/** Client address and agent from request headers (the first X-Forwarded-For hop, if proxied). */
export function requestMetaFrom(headers: Headers): TRequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ipAddress: (forwarded || headers.get("x-real-ip") || "").slice(0, 64),
    userAgent: (headers.get("user-agent") ?? "").slice(0, 500),
  };
}
