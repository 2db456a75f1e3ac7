// Signs a demo user in through Auth.js's own credentials endpoint (what the login form's action
// calls), and returns the Cookie header that carries the session.
import { DEMO_PASSWORD } from "@/prisma/seed/demo-users";

const SESSION_COOKIE = "authjs.session-token";

/** "name=value" of each Set-Cookie, for a Cookie header. */
const cookiePairs = (response: Response) =>
  response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

export async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiePairs(csrf).join("; "),
    },
    body: new URLSearchParams({
      csrfToken,
      email,
      password: DEMO_PASSWORD,
      callbackUrl: `${baseUrl}/`,
    }),
  });
  const session = cookiePairs(answer).find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!session)
    throw new Error(
      `Signing in ${email} failed (status ${answer.status}, to ${answer.headers.get("location") ?? "nowhere"})`,
    );
  return session;
}
