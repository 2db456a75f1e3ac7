import { signInAction } from "@/app/(auth)/login/actions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { cookieOf, SESSION_COOKIE, startRequest } from "./request-context";
import { isRole, type TPrincipal } from "./rules";
import { TEST_PASSWORD, type TOrg } from "./world";

// Each principal is a real request: a session cookie Auth.js issued at a real sign-in, an API
// key in the Authorization header, or nothing. Requests without a session also carry the header
// that once let requests skip Next.js middleware (CVE-2025-29927): it must gain them nothing.

const MIDDLEWARE_SUBREQUEST = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" };

const sessions = new Map<string, string>();

/** Signs the user in through the sign-in page's own action and keeps the cookie it set. */
export async function sessionCookieOf(user: TSessionUser): Promise<string> {
  const known = sessions.get(user.id);
  if (known) return known;
  startRequest();
  const form = new FormData();
  form.set("email", user.email);
  form.set("password", TEST_PASSWORD);
  // A successful sign-in ends with Next's redirect, thrown.
  const answer = await signInAction({ email: "" }, form).catch((error: unknown) => error);
  const cookie = cookieOf(SESSION_COOKIE);
  if (!cookie)
    throw new Error(`Signing in as ${user.email} set no session cookie: ${JSON.stringify(answer)}`);
  sessions.set(user.id, cookie);
  return cookie;
}

/** Starts a request as the principal of `org`. */
export async function actAs(principal: TPrincipal, org: TOrg): Promise<TSessionUser | null> {
  if (isRole(principal)) {
    const user = org.users[principal];
    startRequest({ cookies: { [SESSION_COOKIE]: await sessionCookieOf(user) } });
    return user;
  }
  if (principal === "API_KEY")
    startRequest({
      headers: { authorization: `Bearer ${org.apiKey.secret}`, ...MIDDLEWARE_SUBREQUEST },
    });
  else startRequest({ headers: MIDDLEWARE_SUBREQUEST });
  return null;
}

/** Starts a request signed in as this (fresh) user. */
export async function actAsUser(user: TSessionUser): Promise<void> {
  startRequest({ cookies: { [SESSION_COOKIE]: await sessionCookieOf(user) } });
}
