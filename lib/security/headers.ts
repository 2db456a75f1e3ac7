// The security headers of every response, in one place: next.config.ts sends the static ones on
// every path (static files, the service worker and API routes included, which the proxy skips);
// proxy.ts sends the Content-Security-Policy of pages, with a fresh nonce per request.

export type THeader = { key: string; value: string };

/** HSTS for a year, sent only to requests that arrived over HTTPS (next.config.ts). No includeSubDomains: a self-hosted install does not own its parent domain. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/** On every response, whatever its type. */
export const STATIC_SECURITY_HEADERS: readonly THeader[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Full URL within the app (ids in paths are useful in its own logs), nothing to other sites.
  { key: "Referrer-Policy", value: "same-origin" },
  // frame-ancestors 'none' in the CSP says the same to current browsers; this covers older ones and non-HTML responses.
  { key: "X-Frame-Options", value: "DENY" },
  // Nothing the app uses; denied so that injected content cannot ask for them either.
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Responses that are data, never a document (API and upload routes): they may load nothing and be framed by nobody. */
export const DATA_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export type TPolicyOptions = {
  /** Fresh for every request: the proxy makes it, Next.js puts it on every script it renders. */
  nonce: string;
  /** `next dev` needs eval (React rebuilds server error stacks in the browser); production never does. */
  isDevelopment?: boolean;
  /** Behind HTTPS, http: subresources are upgraded; on a plain-HTTP install that would break every request. */
  isHttps?: boolean;
};

/**
 * The pages' policy. Scripts: only those carrying this request's nonce, and what they load
 * ('strict-dynamic'), so an injected <script> or inline handler never runs. Styles: 'self' plus
 * 'unsafe-inline', because React renders style attributes (recharts positions, progress bars) and
 * Radix injects a <style> for scroll locking; a nonce cannot cover style attributes.
 */
export function contentSecurityPolicy({
  nonce,
  isDevelopment = false,
  isHttps = false,
}: TPolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The frontline service worker (public/sw.js) and the PWA manifest (app/manifest.ts).
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable, and what CSP's nonce-source expects. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Whether the request reached us over HTTPS, directly or through a TLS-terminating proxy. */
export function isHttpsRequest(url: URL, forwardedProto: string | null): boolean {
  return (
    url.protocol === "https:" ||
    (forwardedProto ?? "").split(",")[0]!.trim().toLowerCase() === "https"
  );
}
