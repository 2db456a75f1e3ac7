import { expect } from "vitest";
import { getCurrentUser } from "@/lib/auth/session";
import { SSO_FLOW_COOKIE } from "@/lib/auth/sso/flow";
import { changedTables, fingerprint } from "./fingerprint";
import { actAs } from "./principals";
import { cookieOf, requestHeaders, SESSION_COOKIE } from "./request-context";
import { ORIGIN } from "./requests";
import type { TPublicRule } from "./rules";

// The checks of the two public SSO entry points (access-table.ts): whoever calls them, without a
// provider's proof they start nothing, sign nobody in, and write nothing — not even an audit entry,
// since a refusal that names no organization would let anyone fill the log.

type TCheckContext = Parameters<TPublicRule["check"]>[0];

/** Runs the call; asserts that it changed no table. */
async function nothingChanges<T>(run: () => Promise<T>): Promise<T> {
  const before = await fingerprint();
  const result = await run();
  expect(changedTables(before, await fingerprint())).toEqual([]);
  return result;
}

/** app/(auth)/login/actions.ts#startSsoAction */
export async function checkStartSso({ principal, world, call }: TCheckContext): Promise<void> {
  const user = await actAs(principal, world.a);
  const sessionBefore = cookieOf(SESSION_COOKIE);
  const form = new FormData();
  form.set("email", "someone@no-sso.example");
  const answer = (await nothingChanges(() => call({ email: "" }, form))) as {
    error?: string;
  };
  expect(answer.error).toBe("sso.refusal.not_configured");
  expect(cookieOf(SSO_FLOW_COOKIE)).toBeUndefined();
  expect(cookieOf(SESSION_COOKIE)).toBe(sessionBefore);
  expect((await getCurrentUser())?.id ?? null).toBe(user?.id ?? null);
}

/** app/(auth)/sso/callback/route.ts#GET */
export async function checkSsoCallback({ principal, world, call }: TCheckContext): Promise<void> {
  const user = await actAs(principal, world.a);
  const sessionBefore = cookieOf(SESSION_COOKIE);
  const request = new Request(`${ORIGIN}/sso/callback?code=guessed&state=guessed`, {
    headers: requestHeaders(),
  });
  const thrown = await nothingChanges(() => call(request).catch((error: unknown) => error));
  expect(String((thrown as { digest?: string })?.digest)).toContain("/login?sso=flow_invalid");
  expect(cookieOf(SESSION_COOKIE)).toBe(sessionBefore);
  expect((await getCurrentUser())?.id ?? null).toBe(user?.id ?? null);
}
