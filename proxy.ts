import { NextResponse, type NextRequest } from "next/server";

// Convenience only: sends visitors without a session cookie to the sign-in page. Every page and
// every domain function checks the session and the role itself (lib/auth/session.ts,
// lib/auth/permissions.ts), so a request that skips this proxy gains nothing.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  return NextResponse.redirect(url);
}

// Survey uploads (up to 50 MB) skip the proxy: Next.js buffers a proxied request body and cuts it
// at 10 MB. Their route handlers check the session themselves (lib/imports/http.ts).
export const config = {
  matcher: ["/((?!login|api|measure/import/preview|measure/import/run|_next/static|_next/image|favicon.ico|icon.svg|manifest.webmanifest|sw.js|icons/).*)"],
};
