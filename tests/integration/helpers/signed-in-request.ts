import { signInAction } from "@/app/(auth)/login/actions";
import { cookieOf, SESSION_COOKIE, startRequest } from "../authorization/request-context";

// Requests as a browser makes them, on top of the authorization matrix's stand-in for
// next/headers (the test file installs it with vi.mock): sign in through the sign-in page's own
// action to get a real Auth.js session cookie, then make requests that carry it.

export type TClient = { ipAddress: string; userAgent: string };

const headersOf = (client: TClient) => ({
  "x-forwarded-for": client.ipAddress,
  "user-agent": client.userAgent,
});

/** Signs in (a real Auth.js sign-in) and returns the session cookie, or null when refused; `answer` is the action's state. */
export async function signInFrom(client: TClient, email: string, password: string) {
  startRequest({ headers: headersOf(client) });
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  // A successful sign-in ends with Next's redirect, thrown.
  const answer = await signInAction({ email: "" }, form).catch((thrown: unknown) => thrown);
  return { cookie: cookieOf(SESSION_COOKIE) ?? null, answer };
}

/** Starts a request from the client, with the session cookie (or none), from `page` when it is a server action. */
export function requestFrom(client: TClient, cookie: string | null, page?: string): void {
  startRequest({
    cookies: cookie ? { [SESSION_COOKIE]: cookie } : {},
    headers: { ...headersOf(client), ...(page ? { referer: `http://localhost:3100${page}` } : {}) },
  });
}
