import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, isHttpsRequest } from "@/lib/security/headers";

// Two jobs, for every page request:
// 1. The Content-Security-Policy, with a fresh nonce: Next.js reads it from the request headers
//    and puts it on every script it renders (pages are dynamic, so each request gets its own).
// 2. Convenience only: visitors without a session cookie go to the sign-in page. Every page and
//    every domain function checks the session and the role itself (lib/auth/session.ts,
//    lib/auth/permissions.ts), so a request that skips this proxy gains nothing.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PAGES_WITHOUT_SESSION = new Set(["/login", "/setup", "/forgot-password", "/sso/callback"]);
/** Pages a single-use link opens (the token is the last path segment). */
const LINK_PAGES = ["/invite/", "/reset-password/"];

const isPageWithoutSession = (path: string) =>
  PAGES_WITHOUT_SESSION.has(path) || LINK_PAGES.some((prefix) => path.startsWith(prefix));

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    // Inlined by Next.js at build time; not configuration (lib/env.ts holds that).
    isDevelopment: process.env.NODE_ENV === "development",
    isHttps: isHttpsRequest(request.nextUrl, request.headers.get("x-forwarded-proto")),
  });
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  let response: NextResponse;
  if (hasSession || isPageWithoutSession(request.nextUrl.pathname)) {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
  } else {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    response = NextResponse.redirect(url);
  }
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Skipped: the API (machines, API keys; next.config.ts gives it a data-only policy), Next's
// static files, the PWA's files, and the survey uploads (up to 50 MB): Next.js buffers a proxied
// request body and cuts it at 10 MB. Their route handlers check the session themselves
// (lib/imports/http.ts). The static security headers reach every path (next.config.ts).
export const config = {
  matcher: [
    "/((?!api/|measure/import/preview|measure/import/run|_next/static|_next/image|favicon.ico|icon.svg|manifest.webmanifest|sw.js|icons/|robots.txt).*)",
  ],
};
